// USCC (GB 32100-2015) check in TypeScript (pipelines/lib/uscc.ts) and in SQL (uscc_check_ok in
// macros/00_common.sql): both against the real vectors in ../shared, and against each other on generated codes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import fc from 'fast-check';
import { USCC_CHARSET, checkUscc, makeUscc, usccCheckChar, usccDivision } from '../../../pipelines/lib/uscc.ts';
import { all, lit, openDuck } from '../../../pipelines/lib/duck.ts';
import { loadMacros } from '../../../pipelines/stage.ts';
import { createConfigTables } from '../../../pipelines/configTables.ts';
import { loadReferenceTables } from '../../../pipelines/reference.ts';
import { loadClusterConfig } from '../../../pipelines/config.ts';

// The shared data folder sits beside the repository (../shared from the repo root, where tests run).
const VECTORS = resolve('..', 'shared', 'data', 'real', 'uscc-gb32100-examples', 'uscc_examples.csv');

interface Vector {
  uscc: string;
  computed_check_char: string;
  passes_gb32100: string;
  admin_division_6: string;
}

function vectors(): Vector[] {
  const parsed = Papa.parse<Vector>(readFileSync(VECTORS, 'utf8'), { header: true, skipEmptyLines: true });
  return parsed.data;
}

async function sqlCheck(codes: string[]): Promise<Map<string, boolean | null>> {
  const { instance, conn } = await openDuck();
  try {
    // As in the pipeline: the lookup macros bind to the config and reference tables.
    await createConfigTables(conn, loadClusterConfig());
    await loadReferenceTables(conn, 'data/reference');
    await loadMacros(conn);
    const rows = await all<{ u: string; ok: boolean | null }>(
      conn,
      `SELECT u, uscc_check_ok(u) AS ok FROM (VALUES ${codes.map((c) => `(${lit(c)})`).join(', ')}) t(u)`,
    );
    return new Map(rows.map((r) => [r.u, r.ok]));
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

const charOf = fc.constantFrom(...USCC_CHARSET.split(''));
const digit = fc.constantFrom(...'0123456789'.split(''));
const generatedUscc = fc
  .tuple(charOf, charOf, fc.array(digit, { minLength: 6, maxLength: 6 }), fc.array(charOf, { minLength: 9, maxLength: 9 }))
  .map(([dept, org, division, body]) => makeUscc(dept, org, division.join(''), body.join('')));

test('real vectors: checkUscc agrees with the published check result and computed check character', { skip: !existsSync(VECTORS) && `${VECTORS} is absent` }, () => {
  const vs = vectors();
  assert.ok(vs.length >= 12, 'the vector file has its 12 rows');
  for (const v of vs) {
    assert.equal(checkUscc(v.uscc), v.passes_gb32100 === 'True' ? 'valid' : 'check_failed', v.uscc);
    assert.equal(usccCheckChar(v.uscc.slice(0, 17)), v.computed_check_char, v.uscc);
    assert.equal(usccDivision(v.uscc), v.admin_division_6, v.uscc);
  }
  // The three documented pilot-era exceptions must be kept as check failures, not rejected as malformed.
  assert.equal(vs.filter((v) => checkUscc(v.uscc) === 'check_failed').length, 3);
});

test('real vectors: the SQL macro uscc_check_ok gives the same verdict as checkUscc', { skip: !existsSync(VECTORS) && `${VECTORS} is absent` }, async () => {
  const vs = vectors();
  const sql = await sqlCheck(vs.map((v) => v.uscc));
  for (const v of vs) assert.equal(sql.get(v.uscc), checkUscc(v.uscc) === 'valid', v.uscc);
});

test('SQL and TypeScript agree on generated codes, their one-character mutations and malformed shapes', async () => {
  const codes = fc.sample(generatedUscc, { numRuns: 150, seed: 20240501 });
  const mutated = codes.map((c, i) => {
    const pos = i % 18;
    const replacement = USCC_CHARSET[(USCC_CHARSET.indexOf(c[pos]) + 1 + (i % 29)) % USCC_CHARSET.length];
    return c.slice(0, pos) + replacement + c.slice(pos + 1);
  });
  const malformed = ['440126000123456', '91440113MA5A0005X', '91440113MA5A0O05XR', '9144011SMA5A0001XM', ''];
  const all_ = [...codes, ...mutated, ...malformed];
  const sql = await sqlCheck(all_);
  for (const c of all_) {
    const ts = checkUscc(c);
    assert.equal(sql.get(c), ts === 'invalid_format' ? null : ts === 'valid', `${c}: TS says ${ts}`);
  }
});

test('property: makeUscc always yields a code checkUscc calls valid', () => {
  fc.assert(fc.property(generatedUscc, (u) => u.length === 18 && checkUscc(u) === 'valid'), { numRuns: 1000 });
});

test('property: any single-character change of a valid code is detected', () => {
  // Weights 3^(i-1) mod 31 are all non-zero modulo the prime 31, so one substitution always moves the sum.
  fc.assert(
    fc.property(generatedUscc, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 30 }), (u, pos, shift) => {
      const replacement = USCC_CHARSET[(USCC_CHARSET.indexOf(u[pos]) + shift) % USCC_CHARSET.length];
      const changed = u.slice(0, pos) + replacement + u.slice(pos + 1);
      return changed !== u && checkUscc(changed) !== 'valid';
    }),
    { numRuns: 2000 },
  );
});

test('input normalisation: spaces and lower case do not change the verdict; wrong shapes are invalid_format', () => {
  assert.equal(checkUscc(' 91440113677779116f '), 'valid');
  assert.equal(checkUscc('440126000123456'), 'invalid_format');
  assert.equal(checkUscc('91440113677779116'), 'invalid_format');
  assert.equal(checkUscc('9144011367777911IF'), 'invalid_format');
  assert.equal(checkUscc(null), 'invalid_format');
});
