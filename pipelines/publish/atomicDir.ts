// Publishing a folder atomically: everything is written into a sibling temporary folder, then swapped in by
// rename. A failed or killed run leaves the previous output as it was; a run killed inside the swap itself
// (between two renames) is repaired by the next run, which restores the previous folder.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export function stagingDirFor(outDir: string): string {
  return join(dirname(outDir), `.${basename(outDir)}.building-${process.pid}`);
}

function backupDirFor(outDir: string): string {
  return join(dirname(outDir), `.${basename(outDir)}.previous`);
}

/** Removes leftovers of killed runs and puts back a previous output a killed swap left aside. */
export function recoverInterruptedPublish(outDir: string): void {
  const parent = dirname(outDir);
  if (!existsSync(parent)) return;
  const backup = backupDirFor(outDir);
  if (!existsSync(outDir) && existsSync(backup)) renameSync(backup, outDir);
  else if (existsSync(backup)) rmSync(backup, { recursive: true, force: true });
  for (const name of readdirSync(parent)) {
    if (name.startsWith(`.${basename(outDir)}.building-`)) rmSync(join(parent, name), { recursive: true, force: true });
  }
}

export function prepareStagingDir(outDir: string): string {
  recoverInterruptedPublish(outDir);
  const dir = stagingDirFor(outDir);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

export function swapIn(stagingDir: string, outDir: string): void {
  const backup = backupDirFor(outDir);
  rmSync(backup, { recursive: true, force: true });
  if (existsSync(outDir)) renameSync(outDir, backup);
  renameSync(stagingDir, outDir);
  rmSync(backup, { recursive: true, force: true });
}

export function discardStaging(stagingDir: string): void {
  rmSync(stagingDir, { recursive: true, force: true });
}
