// No telemetry from any tool by default. The sub-path build that scripts/run-tests.mjs makes runs Astro the way
// `npm run build` does (scripts/astro.mjs) with a fresh HOME, no opt-out in the environment, proxies set and
// every connection and DNS lookup logged (tests/helpers/recordNetwork.mjs); this file checks that log. It also
// runs `npm run dev`'s and `npm run preview`'s Astro the same way, and Astro itself without the project's
// wrapper as a control: that one prints the notice and calls telemetry.astro.build, so the checks can fail.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../helpers/siteBrowser.ts';

const NOTICE = /anonymous usage data|astro telemetry|telemetry/i;
const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|::1|::ffff:127\.0\.0\.1)$/;

/** Log lines naming a host other than this machine (or the proxy port, which nothing should use). */
function foreign(log: string, proxyPort?: string): string[] {
  return log.split('\n').filter((l) => {
    const m = /^(?:connect|lookup) (\S+?)(?::(\d+))?$/.exec(l);
    return m && (!LOOPBACK.test(m[1]) || (proxyPort && m[2] === proxyPort));
  });
}

function freePort(): Promise<number> {
  return new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });
}

/** Clean environment as on a user's fresh machine: nothing that opts out of telemetry or marks a CI run. */
function userEnv(home: string, netLog: string): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(ASTRO_TELEMETRY_DISABLED|ASTRO_DISABLE_UPDATE_CHECK|TELEMETRY_DISABLED|CI|CONTINUOUS_INTEGRATION|BUILD_NUMBER|RUN_ID|GITHUB_ACTIONS)$/.test(k)));
  return { ...env, HOME: home, NET_LOG: netLog, NODE_OPTIONS: `--import=${pathToFileURL(join(ROOT, 'tests/helpers/recordNetwork.mjs')).href}` };
}

/** Runs an Astro server command until it has served `path` (and a few seconds more), then stops it. */
async function runServer(args: string[], path: string): Promise<{ out: string; net: string; status: number; body: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'astro-run-'));
  mkdirSync(join(dir, 'home'));
  const netLog = join(dir, 'net.log');
  const port = await freePort();
  const child = spawn(process.execPath, [...args, '--port', String(port), '--host', '127.0.0.1'], { cwd: ROOT, env: userEnv(join(dir, 'home'), netLog), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  try {
    const deadline = Date.now() + 90_000;
    while (!/127\.0\.0\.1:\d+/.test(out) && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 200));
    assert.match(out, /127\.0\.0\.1:\d+/, `the server started: ${out.slice(-1000)}`);
    const res = await fetch(`http://127.0.0.1:${port}${path}`);
    const body = await res.text();
    // Telemetry and update checks are sent in the background: give them time to show in the log.
    await new Promise((r) => setTimeout(r, 3000));
    return { out, net: existsSync(netLog) ? readFileSync(netLog, 'utf8') : '', status: res.status, body };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
    rmSync(dir, { recursive: true, force: true });
  }
}

test('a build with a fresh HOME prints no telemetry notice and reaches no other host', (t) => {
  if (!process.env.SUB_BUILD_CHECK) return t.skip('needs the checked sub-path build that scripts/run-tests.mjs makes (not with SKIP_BUILD or SUB_DIST)');
  const check = JSON.parse(process.env.SUB_BUILD_CHECK) as { NET_LOG: string; OUT: string; proxy: string };
  const out = readFileSync(check.OUT, 'utf8');
  const net = readFileSync(check.NET_LOG, 'utf8');
  assert.match(out, /Complete!/, 'the build ran');
  assert.match(net, /^process \d+$/m, 'the network recorder was loaded');
  assert.doesNotMatch(out, NOTICE);
  assert.deepEqual(foreign(net, new URL(check.proxy).port), []);
});

test('without the project’s wrapper Astro does call home (control), with it `npm run preview` does not', { timeout: 120_000 }, async () => {
  const raw = await runServer(['node_modules/astro/astro.js', 'preview'], '/');
  assert.ok(foreign(raw.net).some((l) => /telemetry\.astro\.build/.test(l)), `the recorder sees Astro's own telemetry: ${raw.net}`);
  const wrapped = await runServer(['scripts/astro.mjs', 'preview'], '/');
  assert.equal(wrapped.status, 200);
  assert.doesNotMatch(wrapped.out, NOTICE);
  assert.deepEqual(foreign(wrapped.net), []);
});

test('`npm run dev` serves the site over the published data, with no telemetry or update check', { timeout: 180_000 }, async () => {
  const dev = await runServer(['scripts/astro.mjs', 'dev'], '/sources/');
  assert.equal(dev.status, 200, dev.body.slice(0, 500));
  assert.match(dev.body, /<h1[^>]*>[^<]*数据来源/);
  assert.doesNotMatch(dev.out, NOTICE);
  assert.deepEqual(foreign(dev.net), []);
});
