// The gate over tables in a real DuckDB: every value is read (no cap), and the SQL prefilter never drops a value
// the exact checks would flag.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { all, exec, lit, openDuck, type Conn } from '../../../pipelines/lib/duck.ts';
import { scanPublishedTables } from '../../../pipelines/publish/scanTables.ts';
import { findPersonalData } from '../../../pipelines/publish/personalData.ts';
import { charClasses, normaliseForScan, sqlPrefilter } from '../../../pipelines/publish/scanText.ts';
import { plantedResidentId } from '../../helpers/plantedId.ts';
import { lookAlikes, madeUpUsccs, personalSpellings } from '../../fixtures/personal_data/corpus.ts';

let db: Awaited<ReturnType<typeof openDuck>>;
let conn: Conn;
before(async () => {
  db = await openDuck();
  conn = db.conn;
});
after(() => {
  conn.closeSync();
  db.instance.closeSync();
});

async function tableOf(name: string, values: string[]): Promise<void> {
  await exec(conn, `CREATE OR REPLACE TABLE ${name} (n INTEGER, v VARCHAR, note VARCHAR)`);
  for (let i = 0; i < values.length; i += 500)
    await exec(conn, `INSERT INTO ${name} VALUES ${values.slice(i, i + 500).map((v, k) => `(${i + k}, ${lit(v)}, 'x')`).join(', ')}`);
}

test('a resident ID after 6,000 other ID-shaped values is found', async () => {
  // 6,000 all-digit USCCs: each passes the prefilter (18 digits), so a cap on candidates would stop before the ID.
  const usccs = madeUpUsccs(6000, true);
  assert.equal(usccs.length, 6000);
  await tableOf('firms', [...usccs, plantedResidentId('44011319900307123')]);
  const f = await scanPublishedTables(conn, ['firms']);
  assert.deepEqual(f.map((x) => [x.table, x.column, x.kind]), [['firms', 'v', 'resident_id']]);
});

test('every spelling planted among 6,000 clean values of a table is found; the look-alikes are not', async () => {
  const spellings = personalSpellings();
  const clean = lookAlikes();
  const values = Array.from({ length: 6000 }, (_, i) => clean[i % clean.length] + ` 第${i}行`);
  for (const s of spellings) values.push(`备注 ${s.text}`);
  await tableOf('notes', values);
  const found = await scanPublishedTables(conn, ['notes']);
  const expected = spellings.map((s) => `${s.kind} ${findPersonalData(s.text)[0]?.masked}`).sort();
  assert.deepEqual(found.map((f) => `${f.kind} ${f.masked}`).sort(), expected);
});

test('columns of other text-bearing types (ENUM, lists) are read too; numbers are not', async () => {
  await exec(conn, `CREATE OR REPLACE TABLE typed AS SELECT ['a', '138 1234 5678'] AS tags, 13812345678 AS big, 'ok' AS t`);
  const f = await scanPublishedTables(conn, ['typed']);
  assert.deepEqual(f.map((x) => [x.column, x.kind]), [['tags', 'mobile']]);
});

/**
 * Deterministic strings that spell IDs and mobiles with every digit form and separator form the classes know
 * (each digit written as any character that normalises to it, random separators between), amid noise.
 */
function* randomStrings(n: number): Generator<string> {
  const c = charClasses();
  const forms = Array.from({ length: 10 }, (_, d) => c.digit.filter((cp) => normaliseForScan(String.fromCodePoint(cp)) === String(d)));
  let seed = 12345;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  const pick = (a: number[]) => String.fromCodePoint(a[next() % a.length]);
  const noise = () => ['', '张', 'ab', '。', ' ', '-', pick(c.multiDigit), pick(c.at), 'x@例子.中国'][next() % 9];
  for (let i = 0; i < n; i++) {
    const base = i % 2 ? `1${3 + (next() % 7)}${String(100_000_000 + (next() % 900_000_000))}` : plantedResidentId(`4401131990${String(1 + (next() % 12)).padStart(2, '0')}1${next() % 10}${String(next() % 1000).padStart(3, '0')}`);
    let s = noise();
    for (const ch of base) {
      s += /\d/.test(ch) && next() % 3 === 0 ? pick(forms[Number(ch)]) : ch;
      const r = next() % 10;
      if (r < 3) s += pick(c.separator);
      if (r === 0) s += pick(c.separator);
    }
    yield s + noise();
  }
}

test('the SQL prefilter passes every value the exact checks flag (random strings in every digit and separator form)', async () => {
  const values = [...randomStrings(10_000)];
  const flagged = values.filter((v) => findPersonalData(v).length > 0);
  assert.ok(flagged.length > 5000, `the generator makes flagged values (${flagged.length})`);
  await tableOf('random', values);
  const rows = await all<{ v: string; m: boolean }>(conn, `SELECT v, regexp_matches(v, ${lit(sqlPrefilter())}) AS m FROM random`);
  const passed = new Set(rows.filter((r) => r.m).map((r) => r.v));
  const missed = flagged.filter((v) => !passed.has(v));
  assert.deepEqual(missed.slice(0, 5), [], `${missed.length} flagged values the prefilter dropped`);
  // And it is a filter: most look-alikes do not even reach the exact checks.
  const clean = lookAlikes();
  await tableOf('clean', clean);
  const [{ n }] = await all<{ n: number }>(conn, `SELECT count(*) FILTER (WHERE regexp_matches(v, ${lit(sqlPrefilter())})) AS n FROM clean`);
  assert.ok(n < clean.length / 2, `${n} of ${clean.length} look-alikes passed the prefilter`);
});

test('the code points left out of the character classes (planes 4-13, 15, 16) cannot take part in a finding', () => {
  for (const [from, to] of [
    [0x40000, 0xdffff],
    [0xf0000, 0x10ffff],
  ])
    for (let cp = from; cp <= to; cp += 1) {
      const ch = String.fromCodePoint(cp);
      if (normaliseForScan(ch) !== ch || /[\p{Cf}\p{Mn}\p{Me}\s]/u.test(ch)) assert.fail(`U+${cp.toString(16)} normalises`);
    }
});
