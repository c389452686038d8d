// The TypeScript modules a step's code is made of: its entry modules and everything they import, transitively,
// through relative specifiers (packages are pinned by package-lock.json, not hashed here). Type-only imports are
// left out: they are erased before the code runs, so they cannot change what a step produces.
import { dirname, resolve } from 'node:path';
import type { CodeReader } from './codeReader.ts';

function textOf(b: Buffer | string): string {
  return typeof b === 'string' ? b : b.toString('utf8');
}

/**
 * The relative module specifiers a source file imports at run time: `import … from`, `import '…'`,
 * `export … from` and `import('…')` with a literal. Comments are removed first, so an import that is commented
 * out does not count.
 */
export function staticImports(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/(^|[^:'"`\\])\/\/[^\n]*/g, '$1');
  const out = new Set<string>();
  const statement = /(?:^|[;\n}])\s*(import|export)\s+(type\s+)?([^'";]*?\bfrom\s*)?['"]([^'"]+)['"]/g;
  for (const m of code.matchAll(statement)) {
    // `import type {…} from` and `export type {…} from` are erased; a bare `export { x }` has no specifier.
    if (m[2]) continue;
    if (m[1] === 'export' && !m[3]) continue;
    out.add(m[4]);
  }
  for (const m of code.matchAll(/\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g)) out.add(m[1]);
  return [...out].filter((s) => s.startsWith('./') || s.startsWith('../'));
}

/** The file a relative specifier names (as written, or with .ts or /index.ts added), or null if none exists. */
function resolveSpecifier(from: string, spec: string, read: CodeReader): string | null {
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, base + '.ts', base + '/index.ts']) if (read.read(candidate) !== null) return candidate;
  return null;
}

/**
 * Every module reachable from the entry modules (absolute paths, sorted), the entries included. A specifier
 * that resolves to no file is an error: the step's code could not run, and its key would silently miss a part.
 */
export function importClosure(entries: string[], read: CodeReader): string[] {
  const seen = new Set<string>();
  const stack = entries.map((e) => resolve(e));
  while (stack.length) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    const text = read.read(file);
    if (text === null) throw new Error(`build plan: module not found: ${file}`);
    seen.add(file);
    if (!file.endsWith('.ts')) continue;
    for (const spec of staticImports(textOf(text))) {
      const target = resolveSpecifier(file, spec, read);
      if (!target) throw new Error(`build plan: ${file} imports ${spec}, which is not a file`);
      if (!seen.has(target)) stack.push(target);
    }
  }
  return [...seen].sort();
}
