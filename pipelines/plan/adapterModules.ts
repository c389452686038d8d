// Which module holds each source kind's adapter: the modules sources/index.ts imports, asked what they export.
// So a new adapter registered there is found without a list to edit.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { staticImports } from './importGraph.ts';

function isAdapter(v: unknown): v is { kind: string } {
  return !!v && typeof v === 'object' && typeof (v as { kind?: unknown }).kind === 'string' && typeof (v as { matches?: unknown }).matches === 'function';
}

/** Kind → absolute path of the module exporting its adapter. */
export async function adapterModules(indexFile: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const spec of staticImports(readFileSync(indexFile, 'utf8'))) {
    const file = resolve(dirname(indexFile), spec);
    const mod: Record<string, unknown> = await import(pathToFileURL(file).href);
    for (const v of Object.values(mod)) if (isAdapter(v) && !(v.kind in out)) out[v.kind] = file;
  }
  return out;
}
