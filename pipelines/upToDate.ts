// The quick "nothing changed" test, run before anything heavy is loaded: when no input file's size or
// modification time, no configuration or reference file and no pipeline code changed since the last build into
// the same output folder, and that output is still the one it built, there is nothing to do. This keeps a
// no-change rebuild to the cost of starting Node (a full check would parse every workbook to recognise it).
// Imports only Node built-ins, so the CLI can ask before loading DuckDB and the XLSX reader.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { hashTree, sha256 } from './incremental.ts';
import { listRawFiles } from './rawFolder.ts';

const PIPELINES_DIR = new URL('.', import.meta.url).pathname;

export interface FingerprintInputs {
  rawDir: string;
  outDir: string;
  configPath: string;
  referenceDir: string;
}

export function inputsFingerprint(o: FingerprintInputs): string {
  return sha256(
    [
      resolve(o.rawDir),
      ...listRawFiles(o.rawDir).map((f) => `${f.relPath}\t${f.size}\t${f.mtimeMs}`),
      hashTree([PIPELINES_DIR, o.configPath, o.referenceDir]),
    ].join('\n'),
  );
}

function recordPath(cacheDir: string): string {
  return join(cacheDir, 'last-builds.json');
}

function readRecords(cacheDir: string): Record<string, { fingerprint: string; buildKey: string }> {
  try {
    return JSON.parse(readFileSync(recordPath(cacheDir), 'utf8'));
  } catch {
    return {};
  }
}

function outputBuildKey(outDir: string): string | null {
  try {
    return JSON.parse(readFileSync(join(outDir, 'build.json'), 'utf8')).buildKey ?? null;
  } catch {
    return null;
  }
}

/** True when the output folder holds what a build with these inputs would produce. */
export function isUpToDate(cacheDir: string, outDir: string, fingerprint: string): boolean {
  const r = readRecords(cacheDir)[resolve(outDir)];
  return !!r && r.fingerprint === fingerprint && outputBuildKey(outDir) === r.buildKey;
}

/** Remembers which inputs the output folder was built from. */
export function recordBuild(cacheDir: string, outDir: string, fingerprint: string): void {
  const buildKey = outputBuildKey(outDir);
  if (!buildKey) return;
  const records = readRecords(cacheDir);
  records[resolve(outDir)] = { fingerprint, buildKey };
  mkdirSync(dirname(recordPath(cacheDir)), { recursive: true });
  writeFileSync(recordPath(cacheDir), JSON.stringify(records, null, 1));
}
