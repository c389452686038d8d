// Runs the ordered mart models (pipelines/models/marts/NN_<name>.sql, each one SELECT) into tables.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { exec, ident, type Conn } from './lib/duck.ts';
import { MODELS_DIR } from './stage.ts';

export interface Model {
  name: string;
  file: string;
  sql: string;
}

export function listMartModels(dir = join(MODELS_DIR, 'marts')): Model[] {
  return readdirSync(dir)
    .filter((f) => /^\d+_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((file) => ({ name: file.replace(/^\d+_/, '').replace(/\.sql$/, ''), file: join(dir, file), sql: readFileSync(join(dir, file), 'utf8') }));
}

export async function runMarts(conn: Conn, models = listMartModels(), onModel?: (m: Model) => void): Promise<void> {
  for (const m of models) {
    onModel?.(m);
    try {
      await exec(conn, `CREATE OR REPLACE TABLE ${ident(m.name)} AS ${m.sql.trim().replace(/;\s*$/, '')}`);
    } catch (e) {
      throw new Error(`Model ${m.name} (${m.file}) failed: ${(e as Error).message}`);
    }
  }
}
