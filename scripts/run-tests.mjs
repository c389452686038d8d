// Runs every test under tests/ in one `node --test` invocation so CI reads one closing summary.
// Browser tests need the built site, so the site is built first (pipeline on bundled data + astro build).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function findTests(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (name === 'fixtures' || name === 'node_modules') continue;
    if (statSync(p).isDirectory()) out.push(...findTests(p));
    else if (name.endsWith('.test.ts')) out.push(p);
  }
  return out.sort();
}

const filter = process.argv.slice(2);
let files = findTests('tests');
if (filter.length) files = files.filter((f) => filter.some((x) => f.includes(x)));
// A filter that matches nothing would otherwise run zero tests and report success.
if (!files.length) {
  console.error(`No test files under tests/ match ${filter.join(', ') || '(no filter)'}.`);
  process.exit(1);
}
const needsSite = files.some((f) => f.startsWith(join('tests', 'e2e')));
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };

let subDist = null;
if (needsSite && !process.env.SKIP_BUILD) {
  const b = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', env });
  if (b.status !== 0) {
    console.error('Site build failed: browser tests cannot run.');
    process.exit(b.status ?? 1);
  }
  // One build under a sub-path, shared by every test that checks the site works there (site pages, workbench).
  if (!process.env.SUB_DIST) {
    subDist = mkdtempSync(join(tmpdir(), 'dist-sub-'));
    const s = spawnSync(process.execPath, ['node_modules/astro/astro.js', 'build', '--outDir', subDist], { stdio: 'inherit', env: { ...env, BASE: '/sub/' } });
    if (s.status !== 0) {
      console.error('Sub-path site build failed.');
      process.exit(s.status ?? 1);
    }
    env.SUB_DIST = subDist;
    env.SUB_BASE = '/sub/';
  }
}
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], {
  stdio: 'inherit',
  env,
});
if (subDist) rmSync(subDist, { recursive: true, force: true });
process.exit(r.status ?? 1);
