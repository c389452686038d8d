// Every line-ending convention and text encoding an extract arrives in gives the same rows: the shipped per-firm
// headcount file re-saved with CR-only line endings (Excel for Mac's "CSV (Macintosh)"), mixed endings, UTF-16
// "Unicode text" (TAB-separated), and GB18030. A non-empty file that yields no data rows stops the run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stageFile } from '../../../helpers/stageFile.ts';
import { StructuralError } from '../../../../pipelines/sources/types.ts';
import { encodeGbk } from '../../../../pipelines/generate/gbk.ts';

const HEADCOUNT = 'data/raw/employment/panyu_firm_headcount.csv';

type Summary = { rowsIn: number; rows: unknown[][]; quarantine: unknown[][] };

async function summary(path: string): Promise<Summary> {
  const s = await stageFile(path);
  try {
    assert.equal(s.rowsIn, s.rows.length + s.quarantine.length, `${path}: rows in = loaded + quarantined`);
    return {
      rowsIn: s.rowsIn,
      rows: s.rows.map((r) => [r._line, r.uscc, r.year, r.employees]),
      quarantine: s.quarantine.map((q) => [q.line, q.rule, q.column]),
    };
  } finally {
    s.close();
  }
}

function utf16(text: string, endian: 'le' | 'be'): Buffer {
  const le = Buffer.from('\uFEFF' + text, 'utf16le');
  if (endian === 'le') return le;
  const be = Buffer.alloc(le.length);
  for (let i = 0; i < le.length; i += 2) {
    be[i] = le[i + 1];
    be[i + 1] = le[i];
  }
  return be;
}

const text = readFileSync(HEADCOUNT, 'utf8');
const lines = text.split(/\r?\n/);
if (lines[lines.length - 1] === '') lines.pop();

const VARIANTS: [name: string, bytes: () => Buffer][] = [
  ['CR-only (CSV Macintosh)', () => Buffer.from(lines.join('\r') + '\r')],
  ['CRLF with a BOM', () => Buffer.from('\uFEFF' + lines.join('\r\n') + '\r\n')],
  ['mixed CR, LF and CRLF', () => Buffer.from(lines.map((l, i) => l + ['\r', '\n', '\r\n'][i % 3]).join(''))],
  ['CR-only without a final line break', () => Buffer.from(lines.join('\r'))],
  ['GB18030 with CR-only endings', () => encodeGbk(lines.join('\r') + '\r')],
  ['UTF-16 LE "Unicode text" (TAB-separated, CRLF)', () => utf16(lines.map((l) => l.replace(/,/g, '\t')).join('\r\n') + '\r\n', 'le')],
  ['UTF-16 BE with a BOM', () => utf16(lines.join('\n') + '\n', 'be')],
];

test('line endings and encodings: the shipped headcount file gives the same rows however it is saved', async () => {
  const expected = await summary(HEADCOUNT);
  assert.ok(expected.rowsIn > 6000, 'the shipped file has its rows');
  const dir = mkdtempSync(join(tmpdir(), 'eol-'));
  try {
    for (const [name, bytes] of VARIANTS) {
      const p = join(dir, 'panyu_firm_headcount.csv');
      writeFileSync(p, bytes());
      const got = await summary(p).catch((e: Error) => {
        throw new Error(`${name}: ${e.message}`);
      });
      assert.equal(got.rowsIn, expected.rowsIn, `${name}: rows in`);
      assert.deepEqual(got.rows, expected.rows, `${name}: rows loaded, with their line numbers`);
      assert.deepEqual(got.quarantine, expected.quarantine, `${name}: rows quarantined`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

async function structural(name: string, bytes: Buffer | string): Promise<StructuralError> {
  const dir = mkdtempSync(join(tmpdir(), 'empty-'));
  try {
    writeFileSync(join(dir, name), bytes);
    const e = await stageFile(join(dir, name)).then(
      (s) => {
        s.close();
        return null;
      },
      (x) => x,
    );
    assert.ok(e instanceof StructuralError, `${name}: expected a StructuralError, got ${e}`);
    return e;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('a header with no data rows below it stops the run naming the file and what was expected', async () => {
  const e = await structural('headcount.csv', '统一社会信用代码,年份,从业人员\r\n\r\n');
  assert.match(e.message, /^headcount\.csv: .*no data rows.*Headcount per firm/);
});

test('a 50 MB file without a line break stops the run naming the file', async () => {
  const e = await structural('one_line.csv', '统一社会信用代码,年份,从业人员,' + 'x'.repeat(50 << 20));
  assert.match(e.message, /^one_line\.csv(:1)?: .*line break/);
});

test('direct DuckDB parsing is used only where it equals the line reader: CR-only and UTF-16 customs files fall back', async () => {
  const source = 'tests/fixtures/customs_stats/gbk_full_usd.csv';
  const decl = { flow: 'import' as const };
  const shape = async (path: string) => {
    const s = await stageFile(path, decl);
    try {
      return {
        direct: s.directTables,
        rows: s.rows.map((r) => [r._line, r.hs_code, r.partner_code, r.value_usd]),
        quarantine: s.quarantine.map((q) => [q.line, q.rule, q.column]),
      };
    } finally {
      s.close();
    }
  };
  const expected = await shape(source);
  assert.equal(expected.direct, 1, 'the LF original is parsed by DuckDB directly');
  assert.ok(expected.rows.length > 0);
  const text = new TextDecoder('gb18030').decode(readFileSync(source));
  const dir = mkdtempSync(join(tmpdir(), 'direct-'));
  try {
    for (const [name, bytes] of [
      ['CR-only GBK', encodeGbk(text.replace(/\r?\n/g, '\r'))],
      ['UTF-16 LE', utf16(text, 'le')],
    ] as const) {
      const p = join(dir, 'stats.csv');
      writeFileSync(p, bytes);
      const got = await shape(p);
      assert.equal(got.direct, 0, `${name}: read line by line`);
      assert.deepEqual(got.rows, expected.rows, `${name}: same rows`);
      assert.deepEqual(got.quarantine, expected.quarantine, `${name}: same quarantine`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
