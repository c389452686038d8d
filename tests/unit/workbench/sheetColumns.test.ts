// The rules that turn a worksheet's cells into a table: header row, column names, column types, empty cells.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { columnNames, planSheet } from '../../../src/lib/workbench/sheetColumns.ts';
import { sheetCell, type SheetCell } from '../../../src/lib/workbench/sheetCell.ts';

const utc = (y: number, m: number, d: number, h = 0, min = 0, s = 0) => new Date(Date.UTC(y, m - 1, d, h, min, s));
const DAY = 86_400_000;

test('the first non-empty row is the header; empty rows are skipped; columns span what holds values', () => {
  const rows: SheetCell[][] = [
    [],
    [null, null, null],
    [null, '年份', '出口额'],
    [null, 2023, 1.5],
    [],
    [null, 2024, null],
  ];
  const plan = planSheet(rows)!;
  assert.deepEqual(plan.columns.map((c) => c.name), ['年份', '出口额']);
  assert.equal(plan.rows, 2);
  assert.deepEqual(plan.values, [[2023, 2024], [1.5, null]]);
});

test('column types: numbers → DOUBLE, dates → DATE or TIMESTAMP, booleans → BOOLEAN, anything mixed → VARCHAR', () => {
  const days = [utc(2024, 12, 31), utc(1999, 1, 1)];
  const times = [utc(2024, 3, 1, 12, 30), utc(2024, 3, 2)];
  const plan = planSheet([
    ['n', 'day', 'ts', 'ok', 'mixed', 'text', 'empty'],
    [1.25, days[0], times[0], true, 7, 'a', null],
    [null, days[1], times[1], false, 'x', 'b', null],
    [-3, null, null, null, utc(2020, 5, 6), null, null],
  ])!;
  assert.deepEqual(
    plan.columns.map((c) => [c.name, c.sqlType]),
    [['n', 'DOUBLE'], ['day', 'DATE'], ['ts', 'TIMESTAMP'], ['ok', 'BOOLEAN'], ['mixed', 'VARCHAR'], ['text', 'VARCHAR'], ['empty', 'VARCHAR']],
  );
  assert.deepEqual(plan.values[0], [1.25, null, -3]);
  // DATE travels as whole days since 1970-01-01, the form Arrow's DateDay takes.
  assert.deepEqual(plan.values[1], [days[0].getTime() / DAY, days[1].getTime() / DAY, null]);
  assert.deepEqual(plan.values[2], [times[0], times[1], null]);
  assert.deepEqual(plan.values[3], [true, false, null]);
  // A mixed column keeps every value, as the text a reader would type (dates in ISO form).
  assert.deepEqual(plan.values[4], ['7', 'x', '2020-05-06']);
  assert.deepEqual(plan.values[6], [null, null, null]);
});

test('a header-only sheet gives columns and no rows; an empty sheet gives nothing', () => {
  const plan = planSheet([['a', 'b']])!;
  assert.deepEqual(plan.columns.map((c) => c.name), ['a', 'b']);
  assert.equal(plan.rows, 0);
  assert.equal(planSheet([]), null);
  assert.equal(planSheet([[null], []]), null);
});

test('blank and repeated headers get unique names from their spreadsheet column', () => {
  assert.deepEqual(columnNames(['value', null, 'Value', ' 出口\n金额 ', 2024], [1, 2, 3, 4, 5]), ['value', 'column_2', 'Value_3', '出口 金额', '2024']);
  // A name a real header has is never taken from it by a renamed one.
  assert.deepEqual(columnNames(['value', 'value', 'value_2'], [1, 2, 3]), ['value', 'value_2_2', 'value_2']);
  // Columns past the header's last cell are named too.
  assert.deepEqual(planSheet([['a'], [1, 2]])!.columns.map((c) => c.name), ['a', 'column_2']);
});

test('column names are never empty and never repeat, ignoring case (as DuckDB compares them)', () => {
  const header = fc.array(fc.oneof(fc.constant(null), fc.constantFrom('a', 'A', 'a_2', 'column_2', 'column_3', ' ', '值'), fc.string(), fc.integer()), { maxLength: 12 });
  fc.assert(
    fc.property(header, (cells) => {
      const names = columnNames(cells.map((c) => sheetCell(c)), cells.map((_, i) => i + 1));
      assert.ok(names.every((n) => n.trim().length > 0));
      assert.equal(new Set(names.map((n) => n.toLowerCase())).size, names.length);
    }),
  );
});

test('exceljs cell values: formulas give their cached result, rich text and links their text, errors and blanks null', () => {
  const d = utc(2024, 1, 2);
  assert.equal(sheetCell({ formula: 'A1*2', result: 4 }), 4);
  assert.equal(sheetCell({ sharedFormula: 'B2', result: 'x' }), 'x');
  assert.equal(sheetCell({ formula: 'TODAY()', result: d }), d);
  assert.equal(sheetCell({ formula: 'A1', result: undefined }), null);
  assert.equal(sheetCell({ formula: '1/0', result: { error: '#DIV/0!' } }), null);
  assert.equal(sheetCell({ error: '#N/A' }), null);
  assert.equal(sheetCell({ richText: [{ text: '番' }, { text: '禺' }] }), '番禺');
  assert.equal(sheetCell({ text: 'site', hyperlink: 'https://example.org' }), 'site');
  assert.equal(sheetCell('  '), null);
  assert.equal(sheetCell(''), null);
  assert.equal(sheetCell(Number.NaN), null);
  assert.equal(sheetCell(false), false);
  assert.equal(sheetCell(new Date(Number.NaN)), null);
});
