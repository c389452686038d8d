// Same key, different values: registry records and employment figures that disagree are conflicts, resolved by the
// documented rule (registry: the record approved last; employment: the later revision) and reported with their effect
// on the totals; only rows that agree in every field are quarantined as duplicates. Real files through the pipeline's
// detection, landing and staging SQL, then the real mart SQL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stageFile, type StagedFile } from '../../helpers/stageFile.ts';
import { all, exec } from '../../../pipelines/lib/duck.ts';
import { buildMart, listMartModels } from '../../../pipelines/marts.ts';

const DIR = 'tests/fixtures/conflicts';
type Row = Record<string, unknown>;

async function marts(s: StagedFile, names: string[]): Promise<void> {
  const models = listMartModels();
  for (const name of names) await buildMart(s.conn, models.find((m) => m.name === name)!);
}

test('registry: records of one firm that disagree are a conflict, the one approved last is kept and reported; identical records are duplicates', async () => {
  const s = await stageFile(`${DIR}/registry_revised.csv`);
  try {
    assert.equal(s.rowsIn, s.rows.length + s.quarantine.length, 'every row is loaded or quarantined');
    // Only 乙's exact repeat (line 5) is a duplicate.
    assert.deepEqual(s.quarantine.map((q) => [q.line, q.rule]), [[5, 'duplicate_row']]);
    assert.match(s.quarantine[0].message, /91440113MA5A0002XN already appears in registry_revised\.csv line 3 with the same values/);
    const res = (line: number) => s.rows.find((r) => r._line === line)!.conflict_resolution;
    // 甲: the 2024 record (deregistered) is newer than the 2020 one (active).
    assert.equal(res(2), 'superseded');
    assert.equal(res(4), 'kept');
    // 丙: the record approved in 2022 wins over the later line approved in 2019.
    assert.equal(res(6), 'kept');
    assert.equal(res(7), 'superseded');
    assert.equal(res(3), null);

    await exec(s.conn, `CREATE TABLE stg_employment_firms (uscc VARCHAR, year INTEGER, employees BIGINT, conflict_resolution VARCHAR)`);
    await marts(s, ['mart_enterprises', 'mart_registry_conflicts']);
    const firms = await all<Row>(s.conn, `SELECT uscc, status, capital_cny_wan FROM mart_enterprises ORDER BY uscc`);
    assert.deepEqual(firms.map((f) => [f.uscc, f.status]), [
      ['91440113MA5A0001XM', 'deregistered'],
      ['91440113MA5A0002XN', 'active'],
      ['91440113MA5A0003XP', 'active'],
    ]);
    assert.equal(Number(firms[2].capital_cny_wan), 200);
    const c = await all<Row>(s.conn, `SELECT * FROM mart_registry_conflicts ORDER BY uscc`);
    assert.equal(c.length, 2);
    assert.equal(c[0].uscc, '91440113MA5A0001XM');
    assert.equal(c[0].differing_fields, 'approved, status');
    assert.equal(c[0].kept_row, 'registry_revised.csv line 4');
    assert.equal(c[0].first_record_status, 'active');
    // Keeping the first record would have counted 甲 as active: one active firm fewer.
    assert.equal(Number(c[0].active_firms_effect), -1);
    assert.equal(c[1].differing_fields, 'approved, capital_wan');
    assert.equal(Number(c[1].active_firms_effect), 0);
    // 丙's first record is also the one approved last: the later line (250万, approved 2019) changes nothing.
    assert.equal(c[1].kept_row, 'registry_revised.csv line 6');
    assert.equal(Number(c[1].capital_cny_wan_effect), 0);
  } finally {
    s.close();
  }
});

test('headcounts: a corrected figure for one firm and year is a conflict, the later revision wins; a repeated figure is a duplicate', async () => {
  const s = await stageFile(`${DIR}/headcount_revised.csv`);
  try {
    assert.equal(s.rowsIn, s.rows.length + s.quarantine.length);
    assert.deepEqual(s.quarantine.map((q) => [q.line, q.rule]), [[3, 'duplicate_row']]);
    const byLine = (l: number) => s.rows.find((r) => r._line === l)!;
    assert.equal(byLine(4).conflict_resolution, 'superseded');
    assert.equal(byLine(5).conflict_resolution, 'kept');
    assert.equal(byLine(6).conflict_resolution, null);
    await exec(s.conn, `CREATE TABLE stg_employment_yearbook AS SELECT NULL::VARCHAR AS region_code, NULL::INTEGER AS year, NULL::VARCHAR AS industry_code,
      NULL::VARCHAR AS industry_name, NULL::BIGINT AS persons, NULL::VARCHAR AS conflict_resolution, NULL::VARCHAR AS _file, NULL::INTEGER AS _line, false AS _synthetic WHERE false`);
    await exec(s.conn, `CREATE TABLE mart_enterprises AS SELECT NULL::VARCHAR AS uscc, NULL::VARCHAR AS name, NULL::VARCHAR AS park_id, NULL::VARCHAR AS industry_code,
      NULL::VARCHAR AS industry_role, false AS synthetic WHERE false`);
    await marts(s, ['mart_employment_firms', 'mart_employment_conflicts']);
    const kept = await all<Row>(s.conn, `SELECT uscc, year, employees FROM mart_employment_firms ORDER BY uscc, year`);
    assert.deepEqual(kept.map((r) => [r.uscc, r.year, Number(r.employees)]), [
      ['91440113MA5A0001XM', 2019, 35],
      ['91440113MA5A0001XM', 2020, 44],
      ['91440113MA5A0002XN', 2020, 10],
    ]);
    const c = await all<Row>(s.conn, `SELECT * FROM mart_employment_conflicts`);
    assert.equal(c.length, 1);
    assert.equal(c[0].source_kind, 'employment_firms');
    assert.equal(Number(c[0].kept_persons), 44);
    assert.equal(Number(c[0].first_record_persons), 40);
    assert.equal(Number(c[0].persons_effect), 4, 'the total is 4 persons higher than with the first figure');
  } finally {
    s.close();
  }
});

test('yearbook: two different figures for one region, year and industry are a conflict (the later row wins); the same figure twice is a duplicate', async () => {
  const s = await stageFile(`${DIR}/yearbook_revised.csv`);
  try {
    assert.equal(s.rowsIn, s.rows.length + s.quarantine.length);
    assert.deepEqual(s.quarantine.map((q) => q.rule), ['duplicate_row'], 'only 2019 (1000 twice) is a duplicate');
    const y2020 = s.rows.filter((r) => r.year === 2020).map((r) => [Number(r.persons), r.conflict_resolution]);
    assert.deepEqual(y2020, [[1100, 'superseded'], [1150, 'kept']]);
  } finally {
    s.close();
  }
});
