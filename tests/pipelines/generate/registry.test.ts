import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateSample } from '../../../pipelines/generate/generate.ts';
import { PATHS } from '../../../pipelines/generate/sources.ts';
import { checkUscc, usccDivision } from '../../../pipelines/lib/uscc.ts';
import { loadClusterConfig, parkForAddress } from '../../../pipelines/config.ts';
import { anyTable, csvTable } from './sampleReader.ts';

const sample = await generateSample();
const licence = csvTable(sample.files.get(PATHS.registryLicence)!);
const aggregator = await anyTable(PATHS.registryAggregator, sample.files.get(PATHS.registryAggregator)!);
const plantedLines = new Set(sample.dirty.filter((d) => d.file === PATHS.registryLicence).map((d) => d.line));
const usccOf = (t: typeof licence, name = '统一社会信用代码') => t.rows.map((r) => ({ line: r.line, uscc: r.cells[t.header.indexOf(name)] }));

test('registry USCCs are valid Panyu codes, except the planted ones', () => {
  const bad = usccOf(licence).filter((r) => checkUscc(r.uscc) !== 'valid' && !plantedLines.has(r.line));
  assert.deepEqual(bad, []);
  for (const r of usccOf(aggregator)) assert.equal(checkUscc(r.uscc), 'valid', `aggregator row ${r.line}`);
  for (const r of [...usccOf(licence), ...usccOf(aggregator)]) {
    if (checkUscc(r.uscc) !== 'invalid_format') assert.equal(usccDivision(r.uscc), '440113');
  }
  const failed = usccOf(licence).filter((r) => checkUscc(r.uscc) === 'check_failed').map((r) => r.uscc);
  assert.deepEqual([...new Set(failed)].sort(), [...sample.failedCheckUsccs].sort());
  assert.equal(usccOf(licence).filter((r) => checkUscc(r.uscc) === 'invalid_format').length, 2);
});

test('about a thousand firms, some closed, some listed in both layouts', () => {
  const all = new Set([...usccOf(licence), ...usccOf(aggregator)].map((r) => r.uscc));
  assert.ok(all.size >= 950 && all.size <= 1100, `${all.size} firms`);
  const both = new Set(usccOf(licence).map((r) => r.uscc));
  const overlap = usccOf(aggregator).filter((r) => both.has(r.uscc)).length;
  assert.ok(overlap >= 50, `${overlap} firms in both files`);
  const status = licence.header.indexOf('登记状态');
  assert.ok(licence.rows.filter((r) => r.cells[status] === '注销').length > 100);
});

test('every firm in the enterprise trade and headcount files is a registry firm (joins work)', async () => {
  const registry = new Set([...usccOf(licence), ...usccOf(aggregator)].map((r) => r.uscc));
  for (const path of [PATHS.enterpriseCsv, PATHS.enterpriseXlsx, PATHS.headcount]) {
    const t = await anyTable(path, sample.files.get(path)!);
    const planted = new Set(sample.dirty.filter((d) => d.file === path && d.kind !== 'duplicate').map((d) => d.line));
    const missing = usccOf(t).filter((r) => !planted.has(r.line) && !registry.has(r.uscc));
    assert.deepEqual(missing.slice(0, 3), [], path);
  }
});

test('addresses are in Panyu and every park of the cluster gets firms by its keywords', () => {
  const config = loadClusterConfig();
  const addr = licence.header.indexOf('住所');
  const parks = new Map<string, number>();
  for (const r of licence.rows) {
    assert.ok(r.cells[addr].startsWith('广州市番禺区'), r.cells[addr]);
    const p = parkForAddress(config, r.cells[addr]);
    parks.set(p, (parks.get(p) ?? 0) + 1);
  }
  for (const p of [...config.parks.map((p) => p.id), config.otherParkId]) assert.ok((parks.get(p) ?? 0) >= 20, `${p}: ${parks.get(p)}`);
});

test('industries follow the cluster config; the aggregator names the GB/T 4754 class', () => {
  const config = loadClusterConfig();
  const industries = new Set(sample.firms.map((f) => f.industry));
  for (const code of [...config.industries.core, ...config.industries.related]) assert.ok(industries.has(code), code);
  const names = new Set(aggregator.rows.map((r) => r.cells[aggregator.header.indexOf('所属行业')]));
  assert.ok(names.has('珠宝首饰及有关物品制造'));
});

test('personal columns are present, as in real extracts, but hold obvious placeholders', () => {
  const rep = licence.header.indexOf('法定代表人');
  assert.ok(licence.rows.every((r) => r.cells.length < rep || /^示例.$/.test(r.cells[rep])));
  const h = (n: string) => aggregator.header.indexOf(n);
  for (const r of aggregator.rows) {
    assert.match(r.cells[h('法定代表人')], /^示例.$/);
    assert.match(r.cells[h('电话')], /^020-0000\d{4}$/);
    assert.match(r.cells[h('邮箱')], /@example\.invalid$/);
  }
  for (const f of sample.firms) assert.match(f.name, /示例/);
});
