// Publishing a folder atomically: everything is written into a sibling temporary folder, then swapped in by
// rename. A failed or killed run leaves the previous output as it was; a run killed inside the swap itself
// (between its two renames: the output moved aside, the new one not yet in place) is repaired by the next run,
// which restores the previous folder before anything else.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export function stagingDirFor(outDir: string): string {
  return join(dirname(outDir), `${buildingPrefix(outDir)}${process.pid}`);
}

function backupDirFor(outDir: string): string {
  return join(dirname(outDir), `.${basename(outDir)}.previous`);
}

function buildingPrefix(outDir: string): string {
  return `.${basename(outDir)}.building-`;
}

/** Whether a process of that id still runs (then its staging folder is in use, not a leftover). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Puts back the previous output a swap killed between its two renames left aside, and removes what killed runs
 * left behind. Run first thing by every run (before the quick no-change test reads the output), so a build that
 * then fails or finds nothing to do still leaves the previous output in place. A staging folder of a process that
 * still runs is left alone.
 */
export function recoverInterruptedPublish(outDir: string): void {
  const parent = dirname(outDir);
  if (!existsSync(parent)) return;
  const backup = backupDirFor(outDir);
  if (existsSync(backup)) {
    // Killed between the renames: no output in place, the previous one aside. Killed after them: the new output is
    // in place and the previous one is only a leftover.
    if (!existsSync(outDir)) renameSync(backup, outDir);
    else rmSync(backup, { recursive: true, force: true });
  }
  const prefix = buildingPrefix(outDir);
  for (const name of readdirSync(parent)) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length));
    if (pid === process.pid || !Number.isInteger(pid) || !isRunning(pid)) rmSync(join(parent, name), { recursive: true, force: true });
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
