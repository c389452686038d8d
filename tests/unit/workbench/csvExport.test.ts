import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csvCell, toCsv } from '../../../src/lib/workbench/csvExport.ts';

test('text that a spreadsheet would run as a formula gets a leading apostrophe', () => {
  for (const s of ['=1+1', '+1', '-2', '@SUM(A1)', '\tx', '\rx']) assert.ok(csvCell(s).replace(/^"/, '').startsWith(`'`), JSON.stringify(s));
  assert.equal(csvCell('=HYPERLINK("http://x")'), `"'=HYPERLINK(""http://x"")"`);
});

test('numbers, booleans and ordinary text are written as they are', () => {
  assert.equal(csvCell(-2), '-2');
  assert.equal(csvCell(1.5), '1.5');
  assert.equal(csvCell(12345678901234567890n), '12345678901234567890');
  assert.equal(csvCell(true), 'true');
  assert.equal(csvCell('番禺'), '番禺');
  assert.equal(csvCell('a-b'), 'a-b');
  assert.equal(csvCell(null), '');
  assert.equal(csvCell(undefined), '');
});

test('quotes fields with commas, quotes and line breaks', () => {
  assert.equal(csvCell('a,b'), '"a,b"');
  assert.equal(csvCell('say "hi"'), '"say ""hi"""');
  assert.equal(csvCell('two\nlines'), '"two\nlines"');
});

test('a file starts with the UTF-8 BOM and uses CRLF', () => {
  const csv = toCsv(['地区', 'value'], [['番禺', 1], ['=cmd', null]]);
  assert.equal(csv, '\uFEFF地区,value\r\n番禺,1\r\n\'=cmd,\r\n');
  assert.deepEqual([...Buffer.from(csv, 'utf8').subarray(0, 3)], [0xef, 0xbb, 0xbf]);
});

test('a column name can be neutralised too', () => {
  assert.equal(toCsv(['=x'], []), "\uFEFF'=x\r\n");
});
