// The whole pipeline on the bundled sample extracts: reconciliation, determinism, atomic publish, incremental
// rebuilds and the personal-data gate. Real DuckDB, real files, temporary output folders.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { createHash } from 'node:crypto';
import { runPipeline, type RunSummary } from '../../pipelines/run.ts';
import { PersonalDataError } from '../../pipelines/publish/publish.ts';
import { findPersonalData } from '../../pipelines/publish/personalData.ts';
import { all, openDuck } from '../../pipelines/lib/duck.ts';
import { plantedResidentId } from '../helpers/plantedId.ts';
import { inputsFingerprint, isUpToDate } from '../../pipelines/upToDate.ts';

const tmp = mkdtempSync(join(tmpdir(), 'run-test-'));
const outA = join(tmp, 'outA');
let first: RunSummary;

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

before(async () => {
  first = await runPipeline({ rawDir: 'data/raw', outDir: outA, cacheDir: join(tmp, 'cacheA') });
});
after(() => rmSync(tmp, { recursive: true, force: true }));

test('every input row is loaded or quarantined, and quality.json says so', () => {
  assert.equal(first.status, 'built');
  assert.ok(first.files.length >= 5, 'several extracts were read');
  const q = JSON.parse(readFileSync(join(outA, 'quality.json'), 'utf8'));
  for (const f of q.files) assert.equal(f.loaded + f.quarantined, f.rowsIn, f.file);
  assert.ok(q.totals.quarantined > 0, 'the sample has dirty rows and they are quarantined');
  const rules = new Set(q.files.flatMap((f: { byRule: Record<string, number> }) => Object.keys(f.byRule)));
  for (const r of ['duplicate_row', 'hs_code_unknown', 'quantity_negative', 'period_unparseable']) assert.ok(rules.has(r), `rule ${r} fired`);
});

test('published Parquet, CSV, JSON and the DuckDB file agree with the catalog', async () => {
  const catalog = JSON.parse(readFileSync(join(outA, 'catalog.json'), 'utf8'));
  const { instance, conn } = await openDuck();
  try {
    await conn.run(`ATTACH '${join(outA, 'warehouse.duckdb')}' AS w (READ_ONLY)`);
    for (const t of catalog.tables) {
      const [p] = await all<{ n: number }>(conn, `SELECT count(*) AS n FROM read_parquet('${join(outA, t.files.parquet)}')`);
      const [d] = await all<{ n: number }>(conn, `SELECT count(*) AS n FROM w."${t.name}"`);
      assert.equal(p.n, t.rows, `${t.name} parquet rows`);
      assert.equal(d.n, t.rows, `${t.name} duckdb rows`);
      const csvLines = readFileSync(join(outA, t.files.csv), 'utf8').split('\n').filter((l: string) => l !== '');
      assert.ok(csvLines[0].startsWith('\uFEFF'), `${t.name} csv has a BOM`);
      if (t.files.json) assert.equal(JSON.parse(readFileSync(join(outA, t.files.json), 'utf8')).rows.length, t.rows);
      for (const c of t.columns) assert.ok(c.zh && c.en, `${t.name}.${c.name} is described`);
    }
    assert.ok(catalog.sources.some((s: { synthetic: boolean }) => s.synthetic), 'sample sources are flagged synthetic');
    assert.ok(catalog.sources.some((s: { synthetic: boolean }) => !s.synthetic), 'the Kimberley Process data is flagged real');
    const share = catalog.tables.find((t: { name: string }) => t.name === 'mart_trade_share');
    assert.equal(share.synthetic, true);
    const kp = catalog.tables.find((t: { name: string }) => t.name === 'mart_global_kp');
    assert.equal(kp.synthetic, false);
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
});

test('no published column carries personal fields', async () => {
  const catalog = JSON.parse(readFileSync(join(outA, 'catalog.json'), 'utf8'));
  const cols = catalog.tables.flatMap((t: { columns: { name: string }[] }) => t.columns.map((c) => c.name));
  for (const bad of ['legal_rep', 'phone', 'email', 'address', '法定代表人', '电话', '邮箱']) assert.ok(!cols.includes(bad), bad);
  const csv = readFileSync(join(outA, 'tables', 'mart_enterprises.csv'), 'utf8');
  assert.ok(!/法定代表人|@example|电话/.test(csv));
});

test('the DuckDB file for the browser holds no personal data: every text value of every table passes the gate', async () => {
  // A byte-level grep of the file matches digit runs where stored strings touch (e.g. USCCs laid end to end); what
  // counts is each value, read back through DuckDB and checked as the publishing gate checks it.
  const { instance, conn } = await openDuck();
  try {
    await conn.run(`ATTACH '${join(outA, 'warehouse.duckdb')}' AS w (READ_ONLY)`);
    const cols = await all<{ t: string; c: string }>(
      conn,
      `SELECT table_name AS t, column_name AS c FROM information_schema.columns WHERE table_catalog = 'w' AND data_type = 'VARCHAR' ORDER BY 1, 2`,
    );
    assert.ok(cols.length > 20, 'text columns were found');
    let values = 0;
    for (const { t, c } of cols) {
      const rows = await all<{ v: string }>(conn, `SELECT DISTINCT "${c}" AS v FROM w."${t}" WHERE "${c}" IS NOT NULL`);
      values += rows.length;
      for (const { v } of rows) assert.deepEqual(findPersonalData(v), [], `${t}.${c}: ${v}`);
    }
    assert.ok(values > 1000, 'values were scanned');
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
});

test('a rebuild with nothing changed does nothing', async () => {
  const before = snapshot(outA);
  const r = await runPipeline({ rawDir: 'data/raw', outDir: outA, cacheDir: join(tmp, 'cacheA') });
  assert.equal(r.status, 'up-to-date');
  assert.deepEqual(snapshot(outA), before);
});

test('two builds from the same inputs give byte-identical files', async () => {
  const outB = join(tmp, 'outB');
  await runPipeline({ rawDir: 'data/raw', outDir: outB, cacheDir: null });
  const a = snapshot(outA);
  const b = snapshot(outB);
  // DuckDB's file layout is not reproducible: compare its content instead, and check reuse below.
  delete a['warehouse.duckdb'];
  delete b['warehouse.duckdb'];
  assert.deepEqual(b, a);
  // A forced rebuild with unchanged content keeps the DuckDB file byte for byte.
  const dbBefore = snapshot(outB)['warehouse.duckdb'];
  const forced = await runPipeline({ rawDir: 'data/raw', outDir: outB, cacheDir: null, force: true });
  assert.equal(forced.status, 'built');
  assert.equal(snapshot(outB)['warehouse.duckdb'], dbBefore);
});

test('a failure at any stage leaves the previous output untouched', async () => {
  const before = snapshot(outA);
  for (const stage of ['land', 'marts', 'checks', 'publish', 'swap'] as const) {
    await assert.rejects(
      runPipeline({ rawDir: 'data/raw', outDir: outA, cacheDir: null, force: true }, { beforeStage: (s) => { if (s === stage) throw new Error(`injected at ${s}`); } }),
      new RegExp(`injected at ${stage}`),
    );
    assert.deepEqual(snapshot(outA), before, `output unchanged after a failure at ${stage}`);
    assert.deepEqual(readdirSync(tmp).filter((n) => n.includes('.building-') || n.includes('.previous')), [], 'no leftovers');
  }
});

function copyRaw(name: string): string {
  const dir = join(tmp, name);
  cpSync('data/raw', dir, { recursive: true });
  return dir;
}

function registryCsv(raw: string): string {
  const dir = join(raw, 'registry');
  const f = readdirSync(dir).find((n) => n.endsWith('.csv') && readFileSync(join(dir, n)).includes('统一社会信用代码'));
  assert.ok(f, 'a registry CSV in the sample');
  return join(dir, f!);
}

test('one changed extract rebuilds only its kind and what reads it; the result equals a full rebuild', async () => {
  const raw = copyRaw('raw-incr');
  const cache = join(tmp, 'cache-incr');
  const out = join(tmp, 'out-incr');
  await runPipeline({ rawDir: raw, outDir: out, cacheDir: cache });
  const ino = (name: string) => statSync(join(out, 'tables', name)).ino;
  const before = { trade: ino('mart_trade_monthly.parquet'), firms: ino('mart_enterprises.parquet'), kp: ino('mart_global_kp.csv') };
  const file = registryCsv(raw);
  const text = readFileSync(file);
  writeFileSync(file, Buffer.concat([text, Buffer.from(text.at(-1) === 0x0a ? '' : '\n')]));
  const lines = readFileSync(file, 'utf8').split('\n');
  // Drop the last firm: a real change to one extract.
  writeFileSync(file, lines.slice(0, lines.length - 2).join('\n') + '\n');
  const r = await runPipeline({ rawDir: raw, outDir: out, cacheDir: cache });
  assert.equal(r.status, 'built');
  const byKind = Object.fromEntries(r.kinds.map((k) => [k.kind, k.cached]));
  assert.equal(byKind.registry, false, 'registry rebuilt');
  assert.equal(byKind.customs_stats, true, 'customs statistics taken from the cache');
  assert.equal(byKind.kimberley, true, 'Kimberley Process taken from the cache');
  // The registry's previous cache entry was replaced, not kept beside the new one.
  assert.equal(readdirSync(cache).filter((n) => /^registry-[0-9a-f]{16}\.json$/.test(n)).length, 1, 'one cache entry per kind');
  // Tables that do not read the registry are carried over from the previous output (the same file), the rest
  // are written again.
  assert.equal(ino('mart_trade_monthly.parquet'), before.trade, 'trade mart carried over');
  assert.equal(ino('mart_global_kp.csv'), before.kp, 'KP mart carried over');
  assert.notEqual(ino('mart_enterprises.parquet'), before.firms, 'enterprises mart rewritten');

  await assertSameAsFullBuild(raw, out, 'out-incr-full');
});

/** An incremental build's output is what a full build of the same inputs publishes: files byte for byte, and the
 * DuckDB file (not byte-stable across builds) row for row. */
async function assertSameAsFullBuild(raw: string, out: string, name: string): Promise<void> {
  const full = join(tmp, name);
  await runPipeline({ rawDir: raw, outDir: full, cacheDir: null });
  const a = snapshot(out);
  const b = snapshot(full);
  delete a['warehouse.duckdb'];
  delete b['warehouse.duckdb'];
  assert.deepEqual(a, b);
  const { instance, conn } = await openDuck();
  try {
    await conn.run(`ATTACH '${join(out, 'warehouse.duckdb')}' AS inc (READ_ONLY); ATTACH '${join(full, 'warehouse.duckdb')}' AS fresh (READ_ONLY)`);
    const names = (t: string) => all<{ n: string }>(conn, `SELECT table_name AS n FROM information_schema.tables WHERE table_catalog = '${t}' ORDER BY 1`);
    const tables = (await names('inc')).map((x) => x.n);
    assert.deepEqual(tables, (await names('fresh')).map((x) => x.n));
    for (const t of tables) {
      const [d] = await all<{ n: number }>(
        conn,
        `SELECT (SELECT count(*) FROM (FROM inc."${t}" EXCEPT ALL FROM fresh."${t}")) + (SELECT count(*) FROM (FROM fresh."${t}" EXCEPT ALL FROM inc."${t}")) AS n`,
      );
      assert.equal(Number(d.n), 0, `warehouse table ${t} has the same rows`);
    }
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

test('a changed extract that feeds the trade mart: the mart is rebuilt from the other kinds\' cached columns, and equals a full rebuild', async () => {
  const raw = copyRaw('raw-incr-trade');
  const cache = join(tmp, 'cache-incr-trade');
  const out = join(tmp, 'out-incr-trade');
  await runPipeline({ rawDir: raw, outDir: out, cacheDir: cache });
  // The customs statistics entry keeps only what the trade mart reads, not the audit columns.
  const entryFile = readdirSync(cache).find((n) => /^customs_stats-[0-9a-f]{16}\.json$/.test(n));
  const { columns } = JSON.parse(readFileSync(join(cache, entryFile!), 'utf8')) as { columns: string[] };
  assert.ok(columns.includes('value_usd') && columns.includes('_file'), `kept: ${columns.join(', ')}`);
  assert.ok(!columns.includes('qty1') && !columns.includes('hs_name'), `audit columns left out: ${columns.join(', ')}`);
  const before = statSync(join(out, 'tables', 'mart_trade_monthly.parquet')).ino;
  // Drop the last record of the district's enterprise-level customs CSV.
  const dir = join(raw, 'enterprise_customs');
  const file = join(dir, readdirSync(dir).find((n) => n.endsWith('.csv'))!);
  const text = readFileSync(file);
  const lines = text.toString('latin1').replace(/\r?\n$/, '').split(/\r?\n/);
  writeFileSync(file, Buffer.from(lines.slice(0, -1).join('\r\n') + '\r\n', 'latin1'));
  const r = await runPipeline({ rawDir: raw, outDir: out, cacheDir: cache });
  const byKind = Object.fromEntries(r.kinds.map((k) => [k.kind, k.cached]));
  assert.equal(byKind.enterprise_customs, false, 'enterprise customs staged again');
  assert.equal(byKind.customs_stats, true, 'customs statistics read from the cache');
  assert.notEqual(statSync(join(out, 'tables', 'mart_trade_monthly.parquet')).ino, before, 'trade mart rebuilt');
  await assertSameAsFullBuild(raw, out, 'out-incr-trade-full');
});

test('the quick no-change test: true after a build, false once an input file or the output changes', async () => {
  const raw = copyRaw('raw-quick');
  const cache = join(tmp, 'cache-quick');
  const out = join(tmp, 'out-quick');
  const inputs = { rawDir: raw, outDir: out, configPath: 'data/cluster.json', referenceDir: 'data/reference' };
  assert.equal(isUpToDate(cache, out, inputsFingerprint(inputs)), false, 'nothing built yet');
  await runPipeline({ rawDir: raw, outDir: out, cacheDir: cache });
  assert.equal(isUpToDate(cache, out, inputsFingerprint(inputs)), true);
  const f = registryCsv(raw);
  const t = new Date(statSync(f).mtimeMs + 5000);
  utimesSync(f, t, t);
  assert.equal(isUpToDate(cache, out, inputsFingerprint(inputs)), false, 'a touched input');
  const r = await runPipeline({ rawDir: raw, outDir: out, cacheDir: cache });
  assert.equal(r.status, 'up-to-date', 'same content: the full check finds nothing to do');
  assert.equal(isUpToDate(cache, out, inputsFingerprint(inputs)), true, 'and records it');
  const build = join(out, 'build.json');
  writeFileSync(build, readFileSync(build, 'utf8').replace(/"buildKey": "[0-9a-f]+"/, '"buildKey": "other"'));
  assert.equal(isUpToDate(cache, out, inputsFingerprint(inputs)), false, 'an output built by something else');
});

test('a resident ID planted in an extract fails the build and publishes nothing', async () => {
  const raw = copyRaw('raw-pii');
  const out = join(tmp, 'out-pii');
  const file = registryCsv(raw);
  const lines = readFileSync(file, 'utf8').split('\n');
  // Put an ID number into the business scope (经营范围), a column that is published.
  const header = lines[0].replace(/^\uFEFF/, '').split(',');
  const scopeIdx = header.findIndex((h) => h.includes('经营范围'));
  assert.ok(scopeIdx >= 0);
  lines[1] = lines[1] + ` 联系人身份证${plantedResidentId()}`;
  writeFileSync(file, lines.join('\n'));
  await assert.rejects(runPipeline({ rawDir: raw, outDir: out, cacheDir: null }), (e) => e instanceof PersonalDataError && /resident_id/.test(e.message));
  assert.equal(existsSync(out), false, 'nothing published');
});
