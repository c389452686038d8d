// The lean pipeline is the benchmark's lower bound for issue 10's ratio: it must stay a pipeline that does its
// steps (types, rules, duplicates, the mart's sums and order, both files), or the bound would mean nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { all, openDuck } from '../../pipelines/lib/duck.ts';
import { LEAN_STEPS, runLeanPipeline } from '../../bench/leanPipeline.ts';

const HEADER = '数据年月,商品编码,商品名称,贸易伙伴编码,贸易伙伴名称,贸易方式编码,贸易方式名称,第一数量,第一计量单位,第二数量,第二计量单位,美元,';

test('the lean pipeline types, rules, finds duplicates, sums the mart in its order and writes both files', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lean-'));
  const { instance, conn } = await openDuck();
  try {
    const csv = join(dir, 'x.csv');
    writeFileSync(
      csv,
      [
        HEADER,
        '201302,\t71023900,钻石,110,中国香港,10,一般贸易,2,克拉,,,"1,000",',
        '201301,\t71023900,钻石,110,中国香港,10,一般贸易,1,克拉,,,500,',
        '201301,\t71023900,钻石,110,中国香港,10,一般贸易,1,克拉,,,500,',
        '201301,\t71023900,钻石,110,香港,10,一般贸易,3,克拉,,,250,',
        '201301,\t71023900,钻石,110,中国香港,10,一般贸易,1,克拉,,,-5,',
        'x,\t71023900,钻石,110,中国香港,10,一般贸易,1,克拉,,,5,',
      ].join('\n') + '\n',
    );
    let clock = 0;
    const cpu = await runLeanPipeline(conn, csv, dir, () => ++clock);
    assert.deepEqual(Object.keys(cpu), LEAN_STEPS.map((s) => s.name));
    assert.ok(Object.values(cpu).every((c) => c === 1), 'each step timed once');
    const rules = await all<{ rule: string | null; n: number }>(conn, 'SELECT rule, count(*)::INTEGER AS n FROM stg GROUP BY rule ORDER BY rule NULLS FIRST');
    assert.deepEqual(rules, [{ rule: null, n: 4 }, { rule: 'period', n: 1 }, { rule: 'value', n: 1 }]);
    assert.deepEqual(await all(conn, 'SELECT n::INTEGER AS n FROM dups'), [{ n: 2 }]);
    const mart = await all<{ month: number; partner_name: string; value_usd: number; quantity_carats: number }>(
      conn,
      'SELECT month, partner_name, value_usd, quantity_carats FROM mart',
    );
    // Same key summed (the name carried with min()), in the key's order.
    assert.deepEqual(mart, [
      { month: 1, partner_name: '中国香港', value_usd: 1250, quantity_carats: 5 },
      { month: 2, partner_name: '中国香港', value_usd: 1000, quantity_carats: 2 },
    ]);
    for (const f of ['lean.parquet', 'lean.duckdb', 'lean_cache.parquet']) assert.ok(existsSync(join(dir, f)), f);
    assert.deepEqual(await all(conn, `SELECT count(*)::INTEGER AS n FROM '${join(dir, 'lean.parquet')}'`), [{ n: 2 }]);
  } finally {
    conn.closeSync();
    instance.closeSync();
    rmSync(dir, { recursive: true, force: true });
  }
});
