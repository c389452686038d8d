// Where the team's shared real data lives: ../shared beside the checkout (CI, the main checkout), or SHARED_DIR.
// Tests that need it skip visibly when it is absent.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** The shared real-data folder (…/shared/data/real), or null when none of the known places has it. */
export function sharedRealDir(): string | null {
  const candidates = [process.env.SHARED_DIR, resolve(ROOT, '../shared'), resolve(ROOT, '../../shared')].filter((x): x is string => !!x);
  for (const c of candidates) if (existsSync(join(c, 'data/real'))) return join(c, 'data/real');
  return null;
}
