// DuckDB's direct parsing of clean customs CSVs (sources/directCsv.ts and stage.ts) must change speed only: for
// any file, the rows loaded, the rows quarantined (rule, line, message, raw text) and the line numbers are the same
// as with line-by-line landing. Real DuckDB, real files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { stageFile } from '../../helpers/stageFile.ts';
import { countLines } from '../../../pipelines/sources/directCsv.ts';
import { encodeGb18030 } from '../../fixtures/customs_stats/make.ts';
import { StructuralError } from '../../../pipelines/sources/types.ts';

const HEADER = '数据年月,商品编码,商品名称,贸易伙伴编码,贸易伙伴名称,贸易方式名称,第一数量,第一计量单位,第二数量,第二计量单位,美元,';
const GOOD = '201301,\t71023900,钻石,110,中国香港,一般贸易,"1,234.5",克拉,,,"12,345",';

function withDir<T>(run: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'direct-'));
  return run(dir).finally(() => rmSync(dir, { recursive: true, force: true }));
}

test('countLines counts lines and the blank ones after the header, with or without a final newline or CRLF', () =>
  withDir(async (dir) => {
    const cases: [string, number, number][] = [
      ['h\na\nb\n', 3, 0],
      ['h\na\nb', 3, 0],
      ['h\r\na\r\n\r\nb\r\n', 4, 1],
      ['h\n\na\n\n', 4, 2],
      ['\nh\na\n', 3, 0],
      ['', 0, 0],
    ];
    for (const [i, [text, lines, blank]] of cases.entries()) {
      const p = join(dir, `c${i}.csv`);
      writeFileSync(p, text);
      assert.deepEqual(countLines(p, 1), { lines, blankLines: blank }, JSON.stringify(text));
    }
  }));

test('a clean UTF-8 or GBK export is parsed by DuckDB directly, with the same rows as line by line', () =>
  withDir(async (dir) => {
    for (const gbk of [false, true]) {
      const text = [HEADER, GOOD, GOOD.replace('201301', '201302'), GOOD.replace('"12,345"', '7')].join('\r\n') + '\r\n';
      const p = join(dir, gbk ? 'gbk.csv' : 'utf8.csv');
      writeFileSync(p, gbk ? encodeGb18030(text) : '\uFEFF' + text);
      const direct = await stageFile(p, { flow: 'import' });
      const lines = await stageFile(p, { flow: 'import' }, undefined, { direct: false });
      try {
        assert.equal(direct.directTables, 1, 'parsed by DuckDB');
        assert.equal(lines.directTables, 0);
        assert.equal(direct.rows.length, 3);
        assert.deepEqual(direct.rows, lines.rows);
        assert.deepEqual(direct.rows.map((r) => r._line), [2, 3, 4]);
      } finally {
        direct.close();
        lines.close();
      }
    }
  }));

test('a file DuckDB would read differently falls back to line-by-line landing', () =>
  withDir(async (dir) => {
    const cases: Record<string, string> = {
      unclosed_quote: [HEADER, GOOD, '201301,"unclosed,71023900', GOOD].join('\n'),
      quote_mid_cell: [HEADER, GOOD, GOOD.replace('钻石', '钻"石'), GOOD].join('\n'),
      quoted_newline: [HEADER, GOOD, GOOD.replace('钻石', '"钻\n石"'), GOOD].join('\n'),
      blank_line: [HEADER, GOOD, '', GOOD].join('\n'),
      short_row: [HEADER, GOOD, '201301,71023900', GOOD].join('\n'),
      cut_trailing_column: [HEADER, GOOD, GOOD.replace(/,$/, ''), GOOD].join('\n'),
    };
    for (const [name, text] of Object.entries(cases)) {
      const p = join(dir, `${name}.csv`);
      writeFileSync(p, text + '\n');
      const s = await stageFile(p, { flow: 'import' });
      const ref = await stageFile(p, { flow: 'import' }, undefined, { direct: false });
      try {
        assert.equal(s.directTables, 0, `${name}: landed line by line`);
        assert.deepEqual(s.rows, ref.rows, name);
        assert.deepEqual(s.quarantine, ref.quarantine, name);
      } finally {
        s.close();
        ref.close();
      }
    }
  }));

const cell = {
  period: fc.constantFrom('201301', '\t201312', '2013-13', '', '2020年5月'),
  hs: fc.constantFrom('71023900', '\t7102.31.00', '7102390', '99999999', ''),
  name: fc.constantFrom('钻石', '"钻石,成品"', '', '𠀀', '"引号""内"', '钻"石', ' "钻石"'),
  qty: fc.constantFrom('1', '"1,234.5"', '-3', 'abc', '', 'NaN'),
  unit: fc.constantFrom('克拉', '千克', '吨', ''),
  value: fc.constantFrom('100', '"12,345"', '-1', '', 'inf'),
};
const row = fc
  .tuple(cell.period, cell.hs, cell.name, cell.qty, cell.unit, cell.value)
  .map(([period, hs, name, qty, unit, value]) => [period, hs, name, '110', '中国香港', '一般贸易', qty, unit, '', '', value, ''].join(','));
const line = fc.oneof(
  { weight: 12, arbitrary: row },
  { weight: 1, arbitrary: fc.constantFrom('', '201301,"unclosed,71023900', `${GOOD},extra`, '201301,71023900', GOOD.replace(/,$/, '')) },
);

/** What staging a file gives: its rows and quarantine, or the StructuralError that refused it (a file whose lines are all blank). */
async function landing(p: string, direct: boolean) {
  try {
    const s = await stageFile(p, { flow: 'import' }, undefined, { direct });
    try {
      return { directTables: s.directTables, rowsIn: s.rowsIn, rows: s.rows, quarantine: s.quarantine };
    } finally {
      s.close();
    }
  } catch (e) {
    if (!(e instanceof StructuralError)) throw e;
    return { refused: e.message };
  }
}

test('property: direct and line-by-line landing load and quarantine exactly the same rows', () =>
  withDir(async (dir) => {
    let n = 0;
    let directRuns = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 25 }), fc.boolean(), fc.boolean(), async (lines, gbk, crlf) => {
        const p = join(dir, `r${n++}.csv`);
        const text = [HEADER, ...lines].join(crlf ? '\r\n' : '\n') + (crlf ? '\r\n' : '\n');
        writeFileSync(p, gbk ? encodeGb18030(text) : text);
        const { directTables, ...s } = await landing(p, true);
        const { directTables: refDirect, ...ref } = await landing(p, false);
        if (directTables) directRuns++;
        assert.ok(!refDirect, 'the reference landed line by line');
        // Both paths refuse the same files with the same message, and otherwise land the same rows.
        assert.deepEqual(s, ref);
      }),
      // A file whose only data line is blank is refused by both paths (a failure CI once found).
      { numRuns: 40, examples: [[[''], false, false]] },
    );
    assert.ok(directRuns > 0, 'some generated files took the direct path');
  }));
