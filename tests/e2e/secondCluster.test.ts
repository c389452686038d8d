// The cluster is configuration: the second shipped cluster (data/clusters/shuibei-gold, gold jewelry in Luohu,
// Shenzhen) builds with CLUSTER=shuibei-gold, pipeline and site, into a temporary folder (public/data and dist/ are
// left alone), and nothing in its site names the default cluster's place or products unless its own configuration
// or extracts do. Takes a few minutes (a whole site build); SECOND_CLUSTER_DIST=<dist> checks an existing build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';

const ROOT = process.cwd();
const CLUSTER_DIR = join(ROOT, 'data', 'clusters', 'shuibei-gold');
const config = JSON.parse(readFileSync(join(CLUSTER_DIR, 'cluster.json'), 'utf8'));

/** The default cluster's names and codes: each must come from configuration, never from code. */
const FOREIGN: { word: string; re: RegExp }[] = [
  { word: '番禺', re: /番禺/g },
  { word: 'Panyu', re: /panyu/gi },
  { word: '钻石', re: /钻石/g },
  { word: 'diamond', re: /diamond/gi },
  { word: '沙湾', re: /沙湾/g },
  { word: 'Shawan', re: /shawan/gi },
  // HS 7102 / 7104 as a code: the heading, a dotted subheading or a 6/8-digit code, not any number with those digits.
  { word: '7102/7104', re: /(?<![\d.,])710[24](?:\.\d{2}|\d{2}|\d{4})?(?!\d|[.,]\d)/g },
];

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? listFiles(p) : [p];
  });
}

/** Each foreign word found in a text, with a little context. */
function foreignWords(text: string): { word: string; context: string }[] {
  const out: { word: string; context: string }[] = [];
  for (const { word, re } of FOREIGN) {
    for (const m of text.matchAll(re)) out.push({ word, context: text.slice(Math.max(0, m.index! - 40), m.index! + m[0].length + 40).replace(/\s+/g, ' ') });
  }
  return out;
}

// Words the cluster's own files legitimately hold (none today): those may reach its site.
const ownText = listFiles(CLUSTER_DIR)
  .filter((p) => ['.json', '.csv', '.md'].includes(extname(p)))
  .map((p) => readFileSync(p, 'utf8'))
  .join('\n');
const allowed = new Set(foreignWords(ownText).map((h) => h.word));

function build(): { dist: string; data: string; cleanup: () => void } {
  if (process.env.SECOND_CLUSTER_DIST) {
    const dist = process.env.SECOND_CLUSTER_DIST;
    return { dist, data: join(dist, 'data'), cleanup: () => {} };
  }
  const work = mkdtempSync(join(tmpdir(), 'second-cluster-'));
  const publicDir = join(work, 'public');
  mkdirSync(publicDir);
  // The static files of public/ without the default cluster's published data.
  for (const n of readdirSync(join(ROOT, 'public'))) if (n !== 'data') cpSync(join(ROOT, 'public', n), join(publicDir, n), { recursive: true });
  const env = { ...process.env, CLUSTER: 'shuibei-gold', ASTRO_TELEMETRY_DISABLED: '1' };
  const p = spawnSync(process.execPath, ['--import', 'tsx', 'pipelines/cli.ts', '--out', join(publicDir, 'data'), '--no-cache', '--quiet'], { env, encoding: 'utf8' });
  assert.equal(p.status, 0, `pipeline failed:\n${p.stdout}\n${p.stderr}`);
  const dist = join(work, 'dist');
  const a = spawnSync(process.execPath, ['node_modules/astro/astro.js', 'build', '--outDir', dist], {
    env: { ...env, PUBLIC_DIR: publicDir, PUBLISHED_DATA_DIR: join(publicDir, 'data') },
    encoding: 'utf8',
  });
  assert.equal(a.status, 0, `site build failed:\n${a.stdout.slice(-3000)}\n${a.stderr.slice(-3000)}`);
  return { dist, data: join(publicDir, 'data'), cleanup: () => rmSync(work, { recursive: true, force: true }) };
}

test('the scan finds the default cluster in its own configuration (so a clean result means something)', () => {
  const found = new Set(foreignWords(readFileSync(join(ROOT, 'data', 'cluster.json'), 'utf8')).map((h) => h.word));
  for (const w of ['番禺', 'Panyu', '钻石', 'diamond', '沙湾', 'Shawan', '7102/7104']) assert.ok(found.has(w), w);
  assert.deepEqual(foreignWords('value 17102, 7102.5 and 7104 carats, 710239 ok, 2710400'), [
    { word: '7102/7104', context: 'value 17102, 7102.5 and 7104 carats, 710239 ok, 2710400' },
    { word: '7102/7104', context: 'value 17102, 7102.5 and 7104 carats, 710239 ok, 2710400' },
  ]);
});

test('CLUSTER=shuibei-gold builds a site with no Panyu or diamond wording from code', { timeout: 30 * 60_000 }, () => {
  const { dist, data, cleanup } = build();
  try {
    // It is the gold cluster's site.
    const home = readFileSync(join(dist, 'index.html'), 'utf8');
    assert.ok(home.includes(config.site.title.zh), 'the cluster title');
    const catalog = JSON.parse(readFileSync(join(data, 'catalog.json'), 'utf8'));
    assert.equal(catalog.cluster.id, 'shuibei-gold');
    const tables = catalog.tables.map((t: { name: string }) => t.name);
    assert.ok(!tables.includes('mart_global_kp'), 'no Kimberley Process table: the cluster lists no such source');
    assert.ok(!catalog.sources.some((s: { id: string }) => s.id === 'kp_production'));
    assert.match(readFileSync(join(data, 'tables', 'mart_park_year.csv'), 'utf8').split('\n')[0], /gold_trade_value_usd/);
    const trade = readFileSync(join(dist, 'trade', 'index.html'), 'utf8');
    assert.ok(trade.includes('id="gold-vs-finished"') && trade.includes('id="share-by-group"') && home.includes('id="district-share"'), 'its own and the shared trade indicators');
    assert.ok(!trade.includes('id="global-kp-production"'), 'indicators of an absent table are left off');
    assert.ok(existsSync(join(dist, 'charts', 'zh', 'parks-gold-trade.svg')));
    assert.ok(existsSync(join(dist, 'parks', 'shuibei', 'index.html')));

    // The published copies of the shared code tables (data/reference: all of HS chapter 71, GB/T 4754 with its
    // official descriptions) are reference data every cluster carries, not wording from code.
    const referenceTables = new Set(catalog.tables.filter((t: { layer: string }) => t.layer === 'reference').map((t: { name: string }) => t.name));
    assert.ok(referenceTables.has('ref_hs'));
    const isReferenceCopy = (p: string) => {
      const m = /^data[\\/]tables[\\/](ref_[a-z0-9_]+)\.(csv|json|parquet)$/.exec(relative(dist, p));
      return !!m && referenceTables.has(m[1]);
    };
    const scanned = listFiles(dist).filter((p) => ['.html', '.json', '.svg', '.csv', '.xml', '.txt'].includes(extname(p)) && !isReferenceCopy(p));
    assert.ok(scanned.length > 100, `${scanned.length} files scanned`);
    const hits: string[] = [];
    for (const file of scanned) {
      for (const h of foreignWords(readFileSync(file, 'utf8'))) if (!allowed.has(h.word)) hits.push(`${relative(dist, file)}: ${h.word} in "${h.context}"`);
    }
    assert.deepEqual(hits.slice(0, 20), [], `${hits.length} hit(s)`);
  } finally {
    cleanup();
  }
});
