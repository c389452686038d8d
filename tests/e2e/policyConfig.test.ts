// The tracker is configuration: the /policy/ page rendered from a changed policy.json (POLICY_CONFIG, read by
// astro.config.mjs) shows the changed target and the status the documented rule gives for it. Renders the real
// page with Astro's dev server over the published data (public/data), in zh and en.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/siteBrowser.ts';
import { trackStatus, type YearValue } from '../../src/lib/policyStatus.ts';
import type { PolicyConfig, PolicyTarget } from '../../src/lib/policy.ts';

const HAS_DATA = existsSync(join(ROOT, 'public', 'data', 'catalog.json'));
const MEASURE = 'lab-grown-cutting';
const INDICATOR = 'processing-firms';

const shipped = JSON.parse(readFileSync(join(ROOT, 'data', 'policy.json'), 'utf8')) as PolicyConfig;
const original = shipped.measures.find((m) => m.id === MEASURE)!.indicators.find((i) => i.indicator === INDICATOR)!;

/**
 * A target the shipped data puts on the other side of the status rule: reached already (the latest value itself)
 * when the shipped target is not on track, out of reach (ten times the level, next year) when it is.
 */
function changedTarget(baseline: YearValue, latest: YearValue, shippedStatus: string): PolicyTarget {
  const source = { document: { zh: '测试草案', en: 'Test draft' }, date: '2027-03-01' };
  if (shippedStatus === 'on_track') return { value: Math.max(baseline.value, latest.value) * 10 + 10, year: latest.year + 1, direction: 'increase', illustrative: true, source };
  return { value: latest.value, year: 2040, direction: latest.value >= baseline.value ? 'increase' : 'decrease', illustrative: true, source };
}

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
    s.on('error', rej);
  });
}

let dev: ChildProcess | undefined;
let origin = '';
let work = '';
let shippedStatus = '';
let target: PolicyTarget;

before(async () => {
  if (!HAS_DATA) return;
  // The shipped plan's row, computed from the published data as the build computes it.
  const { trackerModel } = await import('../../src/lib/tracker.ts');
  const row = trackerModel('zh').find((m) => m.measure.id === MEASURE)!.rows.find((r) => r.def.id === INDICATOR)!;
  assert.ok(row.baseline && row.latest, 'the tracked indicator has a baseline and a latest value in the sample');
  shippedStatus = row.result.status;
  target = changedTarget(row.baseline, row.latest, shippedStatus);
  const plan = structuredClone(shipped);
  plan.measures.find((m) => m.id === MEASURE)!.indicators.find((i) => i.indicator === INDICATOR)!.target = target;
  work = mkdtempSync(join(tmpdir(), 'policy-config-'));
  const file = join(work, 'policy.json');
  writeFileSync(file, JSON.stringify(plan, null, 2));
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  dev = spawn(process.execPath, ['scripts/astro.mjs', 'dev', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: ROOT,
    env: { ...process.env, POLICY_CONFIG: file, BASE: '/' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let log = '';
  dev.stdout!.on('data', (b) => (log += b));
  dev.stderr!.on('data', (b) => (log += b));
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      const r = await fetch(origin + '/');
      if (r.status < 500) break;
    } catch {
      /* not listening yet */
    }
    if (dev.exitCode !== null || Date.now() > deadline) throw new Error(`astro dev did not start:\n${log.slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
});

after(() => {
  if (dev?.pid) process.kill(-dev.pid, 'SIGTERM');
  if (work) rmSync(work, { recursive: true, force: true });
});

/** The attributes of one tracker row and its cells, read from the rendered HTML. */
function rowOf(html: string): { status: string; target: string; latest: string; baseline: string; text: string } {
  const m = new RegExp(`<tr[^>]*data-tracker-row="${MEASURE}/${INDICATOR}"[^>]*>([\\s\\S]*?)</tr>`).exec(html);
  assert.ok(m, 'the tracked row is on the page');
  const attr = (s: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(s)?.[1] ?? '';
  return { status: attr(m[0], 'data-status'), target: attr(m[1], 'data-target'), latest: attr(m[1], 'data-latest'), baseline: attr(m[1], 'data-baseline'), text: m[1] };
}

for (const [lang, root] of [['zh', '/'], ['en', '/en/']] as const) {
  test(`${lang}: a target changed in policy.json changes the rendered tracker (value, year, source and status)`, { skip: HAS_DATA ? false : 'public/data is missing: run the pipeline first (npm run pipeline)', timeout: 300_000 }, async () => {
    const res = await fetch(`${origin}${root}policy/`);
    assert.equal(res.status, 200);
    const row = rowOf(await res.text());
    assert.equal(Number(row.target), target.value, 'the changed target value');
    assert.notEqual(Number(row.target), original.target!.value, 'not the shipped target');
    assert.match(row.text, new RegExp(String(target.year)), 'the changed target year');
    assert.match(row.text, lang === 'zh' ? /测试草案/ : /Test draft/, 'the changed target’s source');
    const latestYear = Number(/(\d{4})/.exec(row.text.split('data-latest')[1].split('data-baseline')[0])?.[1]);
    const baseline = { year: original.baselineYear, value: Number(row.baseline) };
    const latest = { year: latestYear, value: Number(row.latest) };
    assert.equal(row.status, trackStatus(baseline, latest, target).status, 'the status the rule gives for the changed target');
    assert.notEqual(row.status, shippedStatus, 'the changed target changes the status shown');
  });
}
