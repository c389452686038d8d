// Country names in the reader's language: the Kimberley Process and Trade Map spellings map to ISO codes with
// Chinese and English names (macros/06_country_names.sql), and a spelling that maps to nothing is reported
// (rule name_unmatched), never named. Real DuckDB, the real shipped KP workbook, the team's real Trade Map files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stageFile, type StagedFile } from '../helpers/stageFile.ts';
import { buildMart, listMartModels } from '../../pipelines/marts.ts';
import { findUnmatchedNames, NAME_UNMATCHED } from '../../pipelines/nameMatches.ts';
import { runPipeline } from '../../pipelines/run.ts';
import { all, openDuck } from '../../pipelines/lib/duck.ts';
import { loadReferenceTables } from '../../pipelines/reference.ts';
import { loadMacros } from '../../pipelines/stage.ts';
import { createConfigTables } from '../../pipelines/configTables.ts';
import { loadClusterConfig } from '../../pipelines/config.ts';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
/** The team's real public files: beside the checkout (CI) or beside the worktrees folder. */
const REAL = [resolve(ROOT, '../shared/data/real'), resolve(ROOT, '../../shared/data/real')].find((d) => existsSync(d));
const TRADEMAP_FILES = REAL
  ? [
      join(REAL, 'itc-trademap-diamonds-7102-7104/Diamonds_7102_trademap.xlsx'),
      join(REAL, 'itc-trademap-diamonds-7102-7104/LabGrown_7104_trademap.xlsx'),
      join(REAL, 'itc-trademap-jewelry-7113/GoldJewellery_7113_trademap.xlsx'),
    ]
  : [];

type NameRow = { source: string; iso3: string | null; zh: string | null; en: string | null };

async function martOf(s: StagedFile, name: string): Promise<void> {
  const m = listMartModels().find((x) => x.name === name);
  assert.ok(m, `model ${name}`);
  await buildMart(s.conn, m);
}

test('reference: every alias, project code and customs partner code has its names, and no spelling maps to two codes', async () => {
  const { instance, conn } = await openDuck();
  try {
    await createConfigTables(conn, loadClusterConfig());
    await loadReferenceTables(conn, join(ROOT, 'data/reference'));
    await loadMacros(conn);
    const nameless = await all(conn, `SELECT a.source_name, a.alpha3 FROM ref_country_alias a LEFT JOIN country_names() n USING (alpha3) WHERE n.name_zh IS NULL OR n.name_en IS NULL`);
    assert.deepEqual(nameless, [], 'aliases whose code has no names');
    const twice = await all(conn, `SELECT country_name_key(source_name) AS name_key, count(DISTINCT alpha3) AS codes FROM ref_country_alias GROUP BY 1 HAVING codes > 1`);
    assert.deepEqual(twice, []);
    const aliasKeys = await all<{ source_name: string; alpha3: string; got: string }>(
      conn,
      `SELECT a.source_name, a.alpha3, n.alpha3 AS got FROM ref_country_alias a JOIN country_names() n ON n.name_key = country_name_key(a.source_name) WHERE n.alpha3 <> a.alpha3`,
    );
    assert.deepEqual(aliasKeys, [], 'an alias always wins over an ISO name with the same key');
    // Every China Customs partner code has an English display name of its own (ISO or this project's), so the
    // code table's typo'd English ("Conutries of Neutral Package") never reaches a page.
    const partners = await all(
      conn,
      `SELECT p.customs_code, p.iso_alpha3 FROM ref_customs_partner p LEFT JOIN country_display_names() c ON c.alpha3 = p.iso_alpha3
       LEFT JOIN ref_customs_partner_en e USING (customs_code) WHERE coalesce(c.name_en, e.name_en) IS NULL`,
    );
    assert.deepEqual(partners, [], 'partner codes without an English name');
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
});

test('the shipped Kimberley Process file: every country gets its ISO code and Chinese and English names', async () => {
  const s = await stageFile(join(ROOT, 'data/raw/kimberley/KP_production_original.xlsx'), { synthetic: false });
  try {
    await martOf(s, 'mart_global_kp');
    const rows = await all<NameRow>(s.conn, `SELECT DISTINCT country AS source, country_iso3 AS iso3, country_name_zh AS zh, country_name_en AS en FROM mart_global_kp ORDER BY 1`);
    assert.ok(rows.length >= 50, `${rows.length} countries`);
    const by = new Map(rows.map((r) => [r.source, r]));
    assert.deepEqual(by.get('Congo, Democratic Republic of'), { source: 'Congo, Democratic Republic of', iso3: 'COD', zh: '刚果（金）', en: 'Democratic Republic of the Congo' });
    assert.deepEqual(by.get("China, People's Republic of"), { source: "China, People's Republic of", iso3: 'CHN', zh: '中国', en: 'China' });
    assert.equal(by.get('Russian Federation')?.zh, '俄罗斯');
    assert.equal(by.get("Cote D'ivoire")?.iso3, 'CIV', 'case and punctuation do not matter');
    assert.equal(by.get('European Union')?.zh, '欧盟');
    const unnamed = rows.filter((r) => !r.iso3 || !r.zh || !r.en || /[A-Za-z]/.test(r.zh));
    assert.deepEqual(unnamed, [], 'every KP country has a code and a Chinese name');
    assert.deepEqual(await findUnmatchedNames(s.conn), []);
  } finally {
    s.close();
  }
});

test('real Trade Map workbooks: every reporter maps to a code with Chinese and English names', async (t) => {
  if (!REAL) return t.skip('shared/data/real (the team’s Trade Map files) not present beside the checkout');
  for (const file of TRADEMAP_FILES) {
    const s = await stageFile(file, { synthetic: false });
    try {
      await martOf(s, 'mart_global_trademap');
      const rows = await all<NameRow>(s.conn, `SELECT DISTINCT reporter AS source, reporter_iso3 AS iso3, reporter_name_zh AS zh, reporter_name_en AS en FROM mart_global_trademap ORDER BY 1`);
      assert.ok(rows.length > 100, `${file}: ${rows.length} reporters`);
      assert.deepEqual(rows.filter((r) => !r.iso3 || !r.zh || !r.en), [], `${file}: reporters without names`);
      const by = new Map(rows.map((r) => [r.source, r]));
      assert.deepEqual(by.get('Hong Kong, China'), { source: 'Hong Kong, China', iso3: 'HKG', zh: '中国香港', en: 'Hong Kong, China' });
      assert.equal(by.get('Taipei, Chinese')?.iso3, 'TWN');
      assert.equal(by.get('Korea, Republic of')?.zh, '韩国');
      assert.equal(by.get('World')?.iso3, 'WLD');
      assert.deepEqual(await findUnmatchedNames(s.conn), []);
    } finally {
      s.close();
    }
  }
});

test('a spelling that matches nothing keeps its figures, gets no name, and the quality report lists it', async () => {
  const tmp = mkdtempSync(join(tmpdir(), 'names-'));
  try {
    const raw = join(tmp, 'raw');
    mkdirSync(join(raw, 'kimberley'), { recursive: true });
    const head = 'Country Name,Year,Quarter,Trade Type,Production Type,Carat,US Value,Public,Created,Last Modified';
    const rows = [
      '"Congo, Democratic Republic of",2022,1,Production,Production,100,1000,Public,,',
      '"Congo, Democratic Republic of",2022,2,Production,Production,100,1000,Public,,',
      'Atlantis,2022,1,Production,Production,7,70,Public,,',
      'Atlantis,2022,2,Production,Production,7,70,Public,,',
    ];
    writeFileSync(join(raw, 'kimberley/kp.csv'), [head, ...rows].join('\n') + '\n');
    const decl = { path: 'kimberley/kp.csv', id: 'kp', title: { zh: '金伯利', en: 'KP' }, publisher: 'test', licence: 'test', synthetic: false, asOf: '2022-12-31' };
    writeFileSync(join(raw, 'sources.json'), JSON.stringify({ sources: [decl] }));
    const out = join(tmp, 'out');
    await runPipeline({ rawDir: raw, outDir: out, cacheDir: null });
    const quality = JSON.parse(readFileSync(join(out, 'quality.json'), 'utf8'));
    assert.deepEqual(quality.unmatchedNames, [{ rule: NAME_UNMATCHED, table: 'mart_global_kp', column: 'country', name: 'Atlantis', missing: 'both', rows: 1 }]);
    const kp = JSON.parse(readFileSync(join(out, 'tables/mart_global_kp.json'), 'utf8'));
    const objs = kp.rows.map((r: unknown[]) => Object.fromEntries(kp.columns.map((c: string, i: number) => [c, r[i]])));
    const atlantis = objs.find((r: Record<string, unknown>) => r.country === 'Atlantis');
    assert.equal(atlantis.carats, 14, 'its figures still count');
    assert.equal(atlantis.country_iso3, null);
    assert.equal(atlantis.country_name_zh, null);
    const drc = objs.find((r: Record<string, unknown>) => r.country_iso3 === 'COD');
    assert.equal(drc.country_name_zh, '刚果（金）');
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});
