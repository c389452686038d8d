import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CHART_KINDS } from '../../../src/lib/chartKinds/index.ts';

// Only the chart-kind record (src/lib/chartKinds/) knows what a kind is; indicators.ts picks one per indicator.
// Pages, components, browser scripts and the rest of src/lib ask the record (legend, ranking, table view, height),
// so a new kind needs no change there. The workbench's quick chart has marks of its own (line, bar, dot) that are
// not chart kinds, so its folders are not scanned.
const ROOTS = ['src/components', 'src/pages', 'src/scripts', 'src/lib', 'src/layouts'];
const ALLOWED = ['src/lib/chartKinds/', 'src/lib/indicators.ts', 'src/components/workbench/', 'src/scripts/workbench/', 'src/lib/workbench/'];

// Indicator definitions split out of indicators.ts by topic (src/lib/<topic>Indicators.ts) pick kinds like it.
const INDICATOR_REGISTRY = /^src\/lib\/[a-z][A-Za-z]*Indicators\.ts$/;

function files(dir: string): string[] {
  let out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out = out.concat(files(p));
    else if (/\.(ts|astro|mjs|js)$/.test(name)) out.push(p);
  }
  return out;
}

test('no page, component, script or library module outside the record names a chart kind', () => {
  const names = Object.keys(CHART_KINDS);
  const literal = new RegExp(`['"\`](${names.join('|')})['"\`]`, 'g');
  const found: string[] = [];
  for (const root of ROOTS) {
    for (const f of files(root)) {
      const path = f.split('\\').join('/');
      if (ALLOWED.some((a) => path.startsWith(a)) || INDICATOR_REGISTRY.test(path)) continue;
      readFileSync(f, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (line.match(literal)) found.push(`${path}:${i + 1}: ${line.trim()}`);
        });
    }
  }
  assert.deepEqual(found, [], `chart kinds named outside src/lib/chartKinds/:\n${found.join('\n')}`);
});
