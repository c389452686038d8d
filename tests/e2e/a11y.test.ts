// Accessibility: axe-core (WCAG 2.x A/AA rules) on every page type in both languages; serious and critical
// violations fail the test, with the rule, the elements and the fix axe suggests in the message.
// Needs a built dist/ (scripts/run-tests.mjs builds it; SKIP_BUILD=1 reuses one) and /usr/bin/chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { useSiteBrowser, DIST, ROOT } from '../helpers/siteBrowser.ts';

const CLUSTER = JSON.parse(readFileSync(join(ROOT, 'data/cluster.json'), 'utf8'));
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** One page of each type; the embed page is checked where it exists (it needs published data). */
const PAGE_TYPES = ['', 'trade/', 'workforce/', 'enterprises/', 'parks/', `parks/${CLUSTER.parks[0].id}/`, 'sources/', 'embed/district-share/', 'brief/', 'policy/', 'embed/policy-tracker/'];

const site = useSiteBrowser({ csp: false });

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

test('no serious or critical axe violations on any page type, in either language', { timeout: 240_000 }, async () => {
  // axe is injected as an inline script, which the site's own CSP would block: only this test context bypasses it.
  const context = await site.browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  const problems: string[] = [];
  let checked = 0;
  for (const route of PAGE_TYPES) {
    for (const path of [route, `en/${route}`]) {
      if (!existsSync(join(DIST, path, 'index.html'))) continue;
      await page.goto(site.server.url + path);
      // Closed <details> hide their content from axe: open them so the tables, SQL and embed code are checked too.
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
      await page.addScriptTag({ content: AXE });
      const violations = (await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: unknown[] }> } }).axe;
        const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
        return r.violations;
      })) as AxeViolation[];
      for (const v of violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) {
        problems.push(`/${path}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
      }
      checked++;
    }
  }
  assert.ok(checked >= 14, `pages checked: ${checked}`);
  assert.deepEqual(problems, []);
  await context.close();
});
