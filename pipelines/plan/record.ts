// What the last build into an output folder was planned from (each step's key and parts), kept in the cache
// folder so the next plan can say why a step is stale ("pipelines/sources/shared/records.ts changed").
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BuildPlan } from './types.ts';

export interface PlanRecord {
  keys: Record<string, string>;
  parts: Record<string, Record<string, string>>;
}

function recordPath(cacheDir: string): string {
  return join(cacheDir, 'last-plans.json');
}

function readAll(cacheDir: string): Record<string, PlanRecord> {
  try {
    return JSON.parse(readFileSync(recordPath(cacheDir), 'utf8'));
  } catch {
    return {};
  }
}

export function readPlanRecord(cacheDir: string | null, outDir: string): PlanRecord | null {
  return cacheDir ? (readAll(cacheDir)[resolve(outDir)] ?? null) : null;
}

export function writePlanRecord(cacheDir: string, outDir: string, plan: BuildPlan): void {
  const all = readAll(cacheDir);
  all[resolve(outDir)] = { keys: plan.keys, parts: Object.fromEntries(plan.steps.map((s) => [s.id, s.parts])) };
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(recordPath(cacheDir), JSON.stringify(all));
}
