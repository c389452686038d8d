// Seeded fuzzing of every adapter with malformed extracts: truncation, byte flips, encodings, line endings, column
// shuffles, huge cells, repeated headers, stray quotes. Each extract must either land with every input row loaded or
// quarantined (rows in = landing rows + quarantine rows for the file), or stop with a StructuralError (exit 2) whose
// message names the file. Anything else (a TypeError, a RangeError, a hang) is a crash. One DuckDB connection serves
// every extract, so thousands run in well under a minute.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { loadClusterConfig } from '../../../pipelines/config.ts';
import { createConfigTables } from '../../../pipelines/configTables.ts';
import { loadReferenceTables } from '../../../pipelines/reference.ts';
import { tablesOf } from '../../../pipelines/discover.ts';
import { detectAdapter } from '../../../pipelines/sources/index.ts';
import { createLandingTable, createQuarantineTable, dropLanding, landTable, loadMacros } from '../../../pipelines/stage.ts';
import { readWorkbook } from '../../../pipelines/sources/shared/workbook.ts';
import { encodeGbk } from '../../../pipelines/generate/gbk.ts';
import { all, exec, lit, openDuck } from '../../../pipelines/lib/duck.ts';
import { StructuralError, type SourceDeclaration } from '../../../pipelines/sources/types.ts';

const SEED = 20261201;

/** One small, valid extract per adapter, as text lines. */
async function seeds(): Promise<[kind: string, lines: string[]][]> {
  const lines = (p: string, enc = 'utf-8') => new TextDecoder(enc).decode(readFileSync(p)).split(/\r?\n/).filter((l, i, a) => l !== '' || i < a.length - 1);
  const [sheet] = await readWorkbook('tests/fixtures/trademap/trademap_diamonds_small.xlsx', 'tm');
  const csvLine = (cells: string[]) => cells.map((c) => (/[",]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');
  return [
    ['customs_stats', lines('tests/fixtures/customs_stats/gbk_full_usd.csv', 'gb18030')],
    ['enterprise_customs', lines('tests/fixtures/enterprise_customs/aliases.csv')],
    ['trademap', sheet.rows.map((r) => csvLine(r.cells))],
    ['kimberley', lines('tests/fixtures/kimberley/kp_export_small.csv')],
    ['registry', lines('tests/fixtures/registry/official.csv')],
    ['employment_yearbook', lines('tests/fixtures/employment/yearbook_wan.csv')],
    ['employment_firms', lines('tests/fixtures/employment/firms.csv')],
    ['comtrade', lines('tests/fixtures/comtrade/comtrade_small.csv')],
  ];
}

type Mutation =
  | { t: 'truncate'; at: number }
  | { t: 'flip'; at: number; byte: number }[]
  | { t: 'shuffle'; perm: number[]; rows: 'all' | 'some' }
  | { t: 'huge'; row: number; col: number; size: number }
  | { t: 'header_again'; row: number }
  | { t: 'quote'; row: number; at: number }
  | { t: 'drop'; row: number }
  | { t: 'blank'; row: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ t: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.array(fc.record({ t: fc.constant('flip' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), byte: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 4 }),
  fc.record({ t: fc.constant('shuffle' as const), perm: fc.array(fc.nat(), { minLength: 2, maxLength: 12 }), rows: fc.constantFrom('all' as const, 'some' as const) }),
  fc.record({ t: fc.constant('huge' as const), row: fc.nat(), col: fc.nat(), size: fc.constantFrom(70_000, 300_000, 1_200_000) }),
  fc.record({ t: fc.constant('header_again' as const), row: fc.nat() }),
  fc.record({ t: fc.constant('quote' as const), row: fc.nat(), at: fc.nat() }),
  fc.record({ t: fc.constant('drop' as const), row: fc.nat() }),
  fc.record({ t: fc.constant('blank' as const), row: fc.nat() }),
);

const encodings = ['utf-8', 'utf-8-bom', 'gb18030', 'utf-16le', 'utf-16be'] as const;
const endings = ['\n', '\r\n', '\r', 'mixed'] as const;

function applyLines(lines: string[], m: Mutation): string[] {
  const out = [...lines];
  const pick = (n: number) => n % Math.max(1, out.length);
  if (Array.isArray(m)) return out;
  switch (m.t) {
    case 'shuffle': {
      const split = out.map((l) => l.split(','));
      const width = Math.max(...split.map((c) => c.length));
      const order = [...Array(width).keys()].sort((a, b) => (m.perm[a % m.perm.length] ?? 0) - (m.perm[b % m.perm.length] ?? 0) || a - b);
      return split.map((cells, i) => (m.rows === 'all' || i % 3 === 1 ? order.map((k) => cells[k] ?? '').join(',') : cells.join(',')));
    }
    case 'huge': {
      const r = pick(m.row);
      const cells = out[r].split(',');
      cells[m.col % cells.length] = '钻'.repeat(m.size / 3);
      out[r] = cells.join(',');
      return out;
    }
    case 'header_again':
      out.splice(1 + pick(m.row), 0, out[0]);
      return out;
    case 'quote': {
      const r = pick(m.row);
      const at = m.at % (out[r].length + 1);
      out[r] = out[r].slice(0, at) + '"' + out[r].slice(at);
      return out;
    }
    case 'drop':
      out.splice(pick(m.row), 1);
      return out;
    case 'blank':
      out[pick(m.row)] = '';
      return out;
    default:
      return out;
  }
}

function encode(text: string, enc: (typeof encodings)[number]): Buffer {
  if (enc === 'gb18030') return encodeGbk(text);
  if (enc === 'utf-8') return Buffer.from(text);
  if (enc === 'utf-8-bom') return Buffer.from('\uFEFF' + text);
  const le = Buffer.from('\uFEFF' + text, 'utf16le');
  if (enc === 'utf-16le') return le;
  for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
  return le;
}

function applyBytes(bytes: Buffer, m: Mutation): Buffer {
  if (Array.isArray(m)) {
    const b = Buffer.from(bytes);
    for (const f of m) if (b.length) b[Math.floor(f.at * (b.length - 1))] = f.byte;
    return b;
  }
  if (m.t === 'truncate') return bytes.subarray(0, Math.floor(m.at * bytes.length));
  return bytes;
}

test('fuzz: malformed extracts of every kind never crash, lose no row, and name the file when refused', { timeout: 300_000 }, async () => {
  const all7 = await seeds();
  const config = loadClusterConfig();
  const dir = mkdtempSync(join(tmpdir(), 'fuzz-'));
  // Kept apart from the inputs, as the runner does: landing files under it are deleted once loaded.
  const work = mkdtempSync(join(tmpdir(), 'fuzz-work-'));
  const { instance, conn } = await openDuck();
  const tally = { extracts: 0, landed: 0, refused: 0, rowsIn: 0 };
  try {
    await createConfigTables(conn, config);
    await loadReferenceTables(conn, 'data/reference');
    await loadMacros(conn);
    await createQuarantineTable(conn);
    const decl: SourceDeclaration = { path: '', id: 'fuzz', title: { zh: '测试', en: 'fuzz' }, publisher: 'p', licence: 'l', synthetic: true, flow: 'import' };
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.nat(all7.length - 1),
        fc.constantFrom(...encodings),
        fc.constantFrom(...endings),
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        async (which, enc, eol, mutations) => {
          const [kind, seedLines] = all7[which];
          let lines = seedLines;
          for (const m of mutations) lines = applyLines(lines, m);
          const text = eol === 'mixed' ? lines.map((l, i) => l + ['\n', '\r\n', '\r'][i % 3]).join('') : lines.join(eol) + eol;
          let bytes = encode(text, enc);
          for (const m of mutations) bytes = applyBytes(bytes, m);
          const relPath = `${kind}_${n++}.csv`;
          const path = join(dir, relPath);
          writeFileSync(path, bytes);
          tally.extracts++;
          if (process.env.FUZZ_TRACE) console.error(relPath, kind, enc, JSON.stringify(eol), JSON.stringify(mutations).slice(0, 160), new Date().toISOString().slice(11, 23));
          try {
            const tables = await tablesOf(path, relPath);
            const matched = tables.flatMap((t) => {
              const a = detectAdapter(t);
              return a ? [{ t, a }] : [];
            });
            // The runner refuses a file no adapter recognises with a StructuralError naming it (exit 2).
            if (matched.length === 0) throw new StructuralError(relPath, 'no known extract format recognises this header');
            for (const [i, { t, a }] of matched.entries()) {
              await createLandingTable(conn, a);
              const { landed } = await landTable(conn, a, t, { config, workDir: work, declaration: decl, landingPath: join(work, `landing_${i}.csv`) });
              const [{ loaded }] = await all<{ loaded: number }>(conn, `SELECT count(*)::INTEGER AS loaded FROM landing_${a.kind} WHERE _file = ${lit(t.relPath)}`);
              const [{ q }] = await all<{ q: number }>(conn, `SELECT count(*)::INTEGER AS q FROM quarantine WHERE file = ${lit(t.relPath)}`);
              assert.ok(landed.rowsIn > 0, `${relPath}: a table that lands has rows (zero rows must be refused, not loaded)`);
              assert.equal(landed.rowsIn, loaded + q, `${relPath}: rows in (${landed.rowsIn}) = landed (${loaded}) + quarantined (${q})`);
              tally.rowsIn += landed.rowsIn;
              await dropLanding(conn, a.kind);
            }
            tally.landed++;
          } catch (e) {
            if (!(e instanceof StructuralError)) throw new Error(`${relPath} (${kind}, ${enc}, ${JSON.stringify(eol)}, ${JSON.stringify(mutations).slice(0, 200)}): crash: ${(e as Error).stack}`);
            assert.ok(e.message.startsWith(relPath), `the message names the file: ${e.message.slice(0, 200)}`);
            tally.refused++;
          } finally {
            await exec(conn, 'DELETE FROM quarantine');
            rmSync(path, { force: true });
          }
        },
      ),
      { seed: SEED, numRuns: Number(process.env.FUZZ_RUNS ?? 2100), endOnFailure: true, includeErrorInReport: true },
    );
  } finally {
    conn.closeSync();
    instance.closeSync();
    rmSync(dir, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  }
  console.log(`fuzz: ${tally.extracts} extracts, ${tally.landed} landed (${tally.rowsIn} rows reconciled), ${tally.refused} refused with a StructuralError`);
  // (Every assert carries a message: without one, node re-reads the transpiled source to build it, which can stall.)
  assert.ok(tally.extracts >= Math.min(2000, Number(process.env.FUZZ_RUNS ?? 2000)), `${tally.extracts} extracts tried`);
  assert.ok(tally.landed > tally.extracts / 10 && tally.refused > tally.extracts / 10, `both outcomes are exercised: ${JSON.stringify(tally)}`);
});
