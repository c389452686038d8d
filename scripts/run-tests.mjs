// Runs every test under tests/ in one `node --test` invocation so CI reads one closing summary.
// Browser tests need the built site, so the site is built first (pipeline on bundled data + astro build).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
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
// No telemetry opt-out here: the project's own scripts turn it off (scripts/astro.mjs), and a test checks that.
const env = { ...process.env };

let subDist = null;
let checkDir = null;
if (needsSite && !process.env.SKIP_BUILD) {
  const b = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', env });
  if (b.status !== 0) {
    console.error('Site build failed: browser tests cannot run.');
    process.exit(b.status ?? 1);
  }
  // One build under a sub-path, shared by every test that checks the site works there (site pages, workbench).
  if (!process.env.SUB_DIST) {
    subDist = mkdtempSync(join(tmpdir(), 'dist-sub-'));
    // Run as `npm run build` runs Astro, and checked for telemetry (tests/e2e/telemetry.test.ts): a fresh HOME, no
    // opt-out in the environment, proxies set, and every connection or DNS lookup logged.
    checkDir = mkdtempSync(join(tmpdir(), 'build-check-'));
    const check = { HOME: join(checkDir, 'home'), NET_LOG: join(checkDir, 'net.log'), OUT: join(checkDir, 'build.log') };
    mkdirSync(check.HOME);
    const quiet = Object.fromEntries(Object.entries(env).filter(([k]) => !/^(ASTRO_TELEMETRY_DISABLED|ASTRO_DISABLE_UPDATE_CHECK|CI|CONTINUOUS_INTEGRATION|BUILD_NUMBER|RUN_ID|GITHUB_ACTIONS)$/.test(k)));
    const proxy = 'http://127.0.0.1:9';
    const s = spawnSync(process.execPath, ['scripts/astro.mjs', 'build', '--outDir', subDist], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...quiet, BASE: '/sub/', HOME: check.HOME, NET_LOG: check.NET_LOG, HTTP_PROXY: proxy, HTTPS_PROXY: proxy, http_proxy: proxy, https_proxy: proxy, NODE_OPTIONS: `${env.NODE_OPTIONS ?? ''} --import=${pathToFileURL('tests/helpers/recordNetwork.mjs').href}` },
      maxBuffer: 256 * 1024 * 1024,
    });
    writeFileSync(check.OUT, `${s.stdout}${s.stderr}`);
    process.stdout.write(s.stdout);
    process.stderr.write(s.stderr);
    if (s.status !== 0) {
      console.error('Sub-path site build failed.');
      process.exit(s.status ?? 1);
    }
    env.SUB_DIST = subDist;
    env.SUB_BUILD_CHECK = JSON.stringify({ ...check, proxy });
    env.SUB_BASE = '/sub/';
  }
}
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], {
  stdio: 'inherit',
  env,
});
for (const d of [subDist, checkDir]) if (d) rmSync(d, { recursive: true, force: true });
process.exit(r.status ?? 1);
