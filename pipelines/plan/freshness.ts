// Fresh or stale, and why. A step is fresh when an earlier build's result for its key is still there (the stage
// cache entry, the previous output's table, a passed check); the reason for a stale one compares its parts and
// upstream keys with what the last build into the same output recorded.
import type { BuildPlan, Step } from './types.ts';
import type { PlanRecord } from './record.ts';

export interface Earlier {
  force: boolean;
  /** Whether the result of this step for its current key exists from an earlier build. */
  has(step: Step): boolean;
  /** What the last build into the same output was planned from, if known. */
  record: PlanRecord | null;
  /** Whether the output folder holds an earlier build (whose record may be missing: built without a cache). */
  hasOutput?: boolean;
}

function list(names: string[], max = 3): string {
  return names.length > max ? `${names.slice(0, max).join(', ')} and ${names.length - max} more` : names.join(', ');
}

/** Why a step whose earlier result cannot be used is stale. */
export function staleReason(step: Step, keys: Record<string, string>, e: Earlier): string {
  if (e.force) return 'stale: --force';
  const before = e.record?.parts[step.id];
  if (!e.record && e.hasOutput) return 'stale: differs from the previous output (what that was built from is not recorded)';
  if (!e.record || !before) return 'stale: not built before';
  const changed = Object.keys(step.parts).filter((k) => k in before && before[k] !== step.parts[k]).sort();
  const added = Object.keys(step.parts).filter((k) => !(k in before)).sort();
  const removed = Object.keys(before).filter((k) => !(k in step.parts)).sort();
  const said = [
    ...(changed.length ? [`${list(changed)} changed`] : []),
    ...(added.length ? [`${list(added)} added`] : []),
    ...(removed.length ? [`${list(removed)} removed`] : []),
  ];
  if (said.length) return `stale: ${said.join('; ')}`;
  const upstream = step.after.filter((a) => e.record!.keys[a] !== keys[a]);
  if (upstream.length) return `stale: ${list(upstream)} changed`;
  if (e.record.keys[step.id] !== step.key) return 'stale: key changed';
  switch (step.kind) {
    case 'stage':
      return 'stale: no stage cache entry for this key (a mart reading the kind changed, or the cache was cleared)';
    case 'check':
      return 'stale: did not pass in the previous build';
    default:
      return 'stale: not in the previous output';
  }
}

/** Marks every step fresh or stale, with the reason. */
export function decideFreshness(plan: BuildPlan, e: Earlier): void {
  for (const step of plan.steps) {
    step.fresh = !e.force && e.has(step);
    step.reason = step.fresh ? 'fresh' : staleReason(step, plan.keys, e);
  }
}
