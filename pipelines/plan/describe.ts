// The plan in words, for `npm run pipeline -- --plan`: one line per step with its short key and fresh/stale and
// why, then what each step reads and frees.
import type { BuildPlan } from './types.ts';

export function describePlan(plan: BuildPlan, opts: { verbose?: boolean } = {}): string {
  const idWidth = Math.max(...plan.steps.filter((s) => opts.verbose || s.kind !== 'check').map((s) => s.id.length), 12);
  const lines: string[] = [];
  // Checks are many and alike: one line per distinct state instead of one per check.
  const checks = new Map<string, { n: number; key: string }>();
  for (const s of plan.steps.filter((x) => x.kind === 'check')) {
    const c = checks.get(s.reason) ?? checks.set(s.reason, { n: 0, key: s.key }).get(s.reason)!;
    c.n++;
  }
  for (const s of plan.steps) {
    if (s.kind === 'check' && !opts.verbose) {
      if (checks.has(s.reason)) {
        const c = checks.get(s.reason)!;
        lines.push(`${`check:* (${c.n})`.padEnd(idWidth)}  ${' '.repeat(12)}  ${s.reason}`);
        checks.delete(s.reason);
      }
      continue;
    }
    lines.push(`${s.id.padEnd(idWidth)}  ${s.key.slice(0, 12)}  ${s.reason}`);
    if (s.frees.length) lines.push(`${' '.repeat(idWidth + 16)}then frees ${s.frees.join(', ')}`);
    if (opts.verbose) {
      if (s.reads.length) lines.push(`${' '.repeat(idWidth + 16)}reads ${s.reads.join(', ')}`);
      lines.push(`${' '.repeat(idWidth + 16)}code ${s.code.length} module(s), ${Object.keys(s.parts).length} part(s) in its key`);
    }
  }
  const stale = plan.steps.filter((s) => !s.fresh);
  const byKind = new Map<string, number>();
  for (const s of stale) byKind.set(s.kind, (byKind.get(s.kind) ?? 0) + 1);
  lines.push('');
  lines.push(
    stale.length === 0
      ? `Nothing to do: every step is fresh (build ${plan.buildKey.slice(0, 12)}).`
      : `${stale.length} of ${plan.steps.length} steps stale (${[...byKind].map(([k, n]) => `${n} ${k}`).join(', ')}); build ${plan.buildKey.slice(0, 12)}.`,
  );
  return lines.join('\n');
}
