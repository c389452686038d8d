import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateSample } from '../../../pipelines/generate/generate.ts';
import { DIRTY_PLAN } from '../../../pipelines/generate/dirtyPlan.ts';
import { checkUscc } from '../../../pipelines/lib/uscc.ts';
import { csvTable, decodeCsv, parseAmount } from './sampleReader.ts';

const sample = await generateSample();

test('the manifest lists exactly the planned number of rows per file and kind, a handful each', () => {
  const counts: Record<string, Record<string, number>> = {};
  for (const d of sample.dirty) {
    counts[d.file] ??= {};
    counts[d.file][d.kind] = (counts[d.file][d.kind] ?? 0) + 1;
  }
  assert.deepEqual(counts, DIRTY_PLAN);
  for (const perKind of Object.values(DIRTY_PLAN)) for (const n of Object.values(perKind)) assert.ok(n! >= 1 && n! <= 5);
  const written = JSON.parse(sample.files.get('dirty_rows.json')!.toString('utf8'));
  assert.deepEqual(written.rows, sample.dirty);
});

test('each listed line really has its defect, and no unlisted line has one', () => {
  for (const file of Object.keys(DIRTY_PLAN)) {
    const bytes = sample.files.get(file)!;
    const table = csvTable(bytes);
    const lines = decodeCsv(bytes).text.split('\r\n');
    // Customs headers end with the empty trailing column too, so header and rows have the same width.
    const width = table.header.length;
    const byLine = new Map(table.rows.map((r) => [r.line, r.cells]));
    const col = (name: string) => table.header.indexOf(name);
    const listed = sample.dirty.filter((d) => d.file === file);
    for (const d of listed) {
      const cells = byLine.get(d.line)!;
      const cell = d.column ? cells[col(d.column)] : '';
      const where = `${file}:${d.line} ${d.kind}`;
      switch (d.kind) {
        case 'duplicate': assert.equal(lines[d.line - 1], lines[d.line - 2], where); break;
        // A revision: the same firm (and year) as the line before it, with a different value in the named column.
        case 'conflict': {
          const before = byLine.get(d.line - 1)!;
          assert.equal(cells[0], before[0], where);
          if (col('年份') >= 0) assert.equal(cells[col('年份')], before[col('年份')], where);
          assert.notEqual(cell, before[col(d.column!)], where);
          break;
        }
        case 'column_count': assert.notEqual(cells.length, width, where); break;
        case 'uscc_malformed': assert.equal(checkUscc(cell), 'invalid_format', where); break;
        case 'uscc_check_failed': assert.equal(checkUscc(cell), 'check_failed', where); break;
        case 'hs_unknown': assert.equal(cell, '71029999', where); break;
        case 'quantity_negative': assert.ok(parseAmount(cell)! < 0, where); break;
        case 'period_unparseable': assert.doesNotMatch(cell, /^\d{4}(0[1-9]|1[0-2])$/, where); break;
        case 'value_unparseable':
        case 'persons_unparseable':
        case 'capital_unparseable': assert.equal(parseAmount(cell.replace(/万.*$/, '')), null, where); break;
        case 'year_unparseable': assert.doesNotMatch(cell, /^\d{4}$/, where); break;
        case 'date_unparseable': assert.ok(!/^\d{4}-(0[1-9]|1[0-2])-\d{2}$/.test(cell) && !/[/年]/.test(cell), where); break;
        case 'status_unknown': assert.ok(!['存续（在营、开业、在册）', '吊销，未注销', '注销', '迁出'].includes(cell), where); break;
        case 'firm_id_missing': assert.equal(cells[col('统一社会信用代码')], '', where); break;
      }
    }
    // Unlisted rows are clean in the ways a pipeline can see without context.
    const listedLines = new Set(listed.map((d) => d.line));
    for (const r of table.rows) {
      if (listedLines.has(r.line)) continue;
      assert.equal(r.cells.length, width, `${file}:${r.line} column count`);
      if (col('数据年月') >= 0) assert.match(r.cells[col('数据年月')], /^\d{4}(0[1-9]|1[0-2])$/, `${file}:${r.line}`);
      // Firms with a pilot-era (check-failing) USCC trade and employ like any other; the manifest names them once.
      const uscc = r.cells[col('统一社会信用代码')];
      if (col('统一社会信用代码') >= 0 && !sample.failedCheckUsccs.includes(uscc)) assert.equal(checkUscc(uscc), 'valid', `${file}:${r.line}`);
      assert.notEqual(lines[r.line - 1], lines[r.line - 2], `${file}:${r.line} unlisted duplicate`);
    }
  }
});
