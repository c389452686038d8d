// Compares two published data folders: every file byte for byte, except build.json (compared without its keys,
// which name how the build was planned, not what it published) and warehouse.duckdb (compared table by table:
// columns and types in order, rows as multisets: the file's bytes also hold DuckDB's block layout). Prints each difference; exits 1 if there is any.
// Usage: tsx scripts/compare-outputs.ts DIR_A DIR_B
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { openDuck, all, lit } from '../pipelines/lib/duck.ts';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));
}

function withoutKeys(text: string): unknown {
  const b = JSON.parse(text);
  delete b.buildKey;
  for (const t of Object.values(b.tables ?? {}) as { key?: string }[]) delete t.key;
  for (const c of Object.values(b.checks ?? {}) as { key?: string }[]) delete c.key;
  return b;
}

export async function compareOutputs(a: string, b: string): Promise<string[]> {
  const problems: string[] = [];
  const fa = files(a).map((f) => relative(a, f)).sort();
  const fb = files(b).map((f) => relative(b, f)).sort();
  for (const f of fa.filter((x) => !fb.includes(x))) problems.push(`only in ${a}: ${f}`);
  for (const f of fb.filter((x) => !fa.includes(x))) problems.push(`only in ${b}: ${f}`);
  for (const f of fa.filter((x) => fb.includes(x))) {
    const [x, y] = [readFileSync(join(a, f)), readFileSync(join(b, f))];
    if (f === 'build.json') {
      if (JSON.stringify(withoutKeys(x.toString())) !== JSON.stringify(withoutKeys(y.toString()))) problems.push('build.json differs (keys aside)');
    } else if (f.endsWith('.duckdb')) {
      problems.push(...(await compareDuckDb(join(a, f), join(b, f))).map((p) => `${f}: ${p}`));
    } else if (!x.equals(y)) problems.push(`${f} differs`);
  }
  return problems;
}

async function compareDuckDb(a: string, b: string): Promise<string[]> {
  const { instance, conn } = await openDuck(':memory:');
  const out: string[] = [];
  try {
    await all(conn, `ATTACH ${lit(a)} AS a (READ_ONLY); ATTACH ${lit(b)} AS b (READ_ONLY)`);
    const shape = async (db: string) =>
      all<{ t: string; c: string; ty: string }>(conn, `SELECT table_name AS t, column_name AS c, data_type AS ty FROM information_schema.columns WHERE table_catalog = ${lit(db)} ORDER BY table_name, ordinal_position`);
    const [sa, sb] = [await shape('a'), await shape('b')];
    if (JSON.stringify(sa) !== JSON.stringify(sb)) out.push('tables, columns or types differ');
    for (const t of [...new Set(sa.map((r) => r.t))]) {
      if (!sb.some((r) => r.t === t)) continue;
      const q = (db: string) => `SELECT * FROM ${db}."${t}"`;
      const diff = await all<{ n: number }>(conn, `SELECT count(*) AS n FROM ((${q('a')} EXCEPT ALL ${q('b')}) UNION ALL (${q('b')} EXCEPT ALL ${q('a')}))`);
      if (Number(diff[0].n) > 0) out.push(`table ${t}: ${diff[0].n} row(s) differ`);
    }
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
  return out;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, ''))) {
  const [a, b] = process.argv.slice(2);
  const problems = await compareOutputs(a, b);
  for (const p of problems) console.log(p);
  console.log(problems.length ? `${problems.length} difference(s)` : `identical: ${files(a).length} files (build.json keys aside; warehouse.duckdb table by table)`);
  process.exitCode = problems.length ? 1 : 0;
}
