// sources.json is checked against its schema before anything is read: every problem names the entry (index and
// id) and the field, and a file a text editor saved with a BOM is read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { declarationsText, parseDeclarations } from '../../pipelines/sourceDeclarations.ts';
import { StructuralError } from '../../pipelines/sources/types.ts';

const TODAY = '2026-06-30';
const ok = {
  path: 'kimberley/',
  id: 'kp',
  title: { zh: '金伯利', en: 'KP' },
  publisher: 'p',
  licence: 'l',
  synthetic: false,
  asOf: '2024-12-31',
  url: 'https://example.org/kp',
};
const text = (sources: unknown[]) => JSON.stringify({ sources });

/** The StructuralError message parseDeclarations throws for this file. */
function problem(json: string): string {
  try {
    parseDeclarations(json, TODAY);
  } catch (e) {
    assert.ok(e instanceof StructuralError, `expected a StructuralError, got ${(e as Error)?.stack}`);
    assert.match(e.message, /^sources\.json: /);
    return e.message;
  }
  assert.fail('expected sources.json to be refused');
}

test('the bundled sources.json passes, and its entries come back as declared', () => {
  const raw = readFileSync('data/raw/sources.json', 'utf8');
  const parsed = parseDeclarations(raw, TODAY);
  assert.deepEqual(parsed, JSON.parse(raw).sources);
});

test('a BOM before the JSON is tolerated', () => {
  assert.deepEqual(parseDeclarations('\uFEFF' + text([ok]), TODAY), [ok]);
});

test('UTF-16 with a BOM (Notepad\'s "Unicode") is read; bytes that are not UTF-8 are refused, not garbled', () => {
  const json = text([ok]);
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, 'utf16le')]);
  assert.deepEqual(parseDeclarations(declarationsText(le), TODAY), [ok]);
  const gbk = Buffer.from([0x7b, 0xbd, 0xf0, 0x7d]); // "{金}" in GBK
  assert.throws(() => declarationsText(gbk), (e) => e instanceof StructuralError && /sources\.json: is not UTF-8 text/.test(e.message));
});

test('a null entry is refused by index, not a crash', () => {
  assert.match(problem(text([ok, null])), /sources\[1\]: must be an object/);
});

test('flow accepts only import or export, naming entry and field', () => {
  const m = problem(text([ok, { ...ok, id: 'side', path: 'x.csv', flow: 'sideways' }]));
  assert.match(m, /sources\[1\] \(id "side"\) "flow": must be one of "import", "export" \(got "sideways"\)/);
});

test('duplicate ids are refused, naming both entries', () => {
  const m = problem(text([ok, { ...ok, path: 'other/' }]));
  assert.match(m, /sources\[1\] \(id "kp"\) "id": the same id as sources\[0\]/);
});

test('asOf must be an ISO calendar date, not after today', () => {
  assert.match(problem(text([{ ...ok, asOf: 'yesterday' }])), /sources\[0\] \(id "kp"\) "asOf": must be a date YYYY-MM-DD \(got "yesterday"\)/);
  assert.match(problem(text([{ ...ok, asOf: '2025-02-30' }])), /"asOf": must be a date YYYY-MM-DD \(got "2025-02-30"\)/);
  assert.match(problem(text([{ ...ok, asOf: '2026-07-01' }])), /"asOf": 2026-07-01 is after today \(2026-06-30\)/);
  assert.deepEqual(parseDeclarations(text([{ ...ok, asOf: TODAY }]), TODAY)[0].asOf, TODAY);
});

test('url is limited to http and https', () => {
  for (const url of ['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,x', 'file:///etc/passwd', '//host/x', 'not a url']) {
    assert.match(problem(text([{ ...ok, url }])), /sources\[0\] \(id "kp"\) "url": must be an http:\/\/ or https:\/\/ address/, url);
  }
  assert.equal(parseDeclarations(text([{ ...ok, url: 'http://intranet.example/stats' }]), TODAY)[0].url, 'http://intranet.example/stats');
});

test('types are checked: synthetic a boolean, title with zh and en, required fields present', () => {
  assert.match(problem(text([{ ...ok, synthetic: 'yes' }])), /"synthetic": must be true or false \(got "yes"\)/);
  assert.match(problem(text([{ ...ok, title: { zh: '金伯利' } }])), /"title\.en": required/);
  const { licence: _l, ...noLicence } = ok;
  assert.match(problem(text([noLicence])), /sources\[0\] \(id "kp"\) "licence": required/);
  assert.match(problem(text([{ ...ok, id: 7 }])), /sources\[0\] "id": must be text \(got 7\)/);
  assert.match(problem(text([{ ...ok, publisher: '' }])), /"publisher": must not be empty/);
});

test('a misspelt field is refused rather than ignored', () => {
  assert.match(problem(text([{ ...ok, asof: '2024-12-31' }])), /sources\[0\] \(id "kp"\) "asof": unknown field/);
});

test('paths stay inside the raw folder and are declared once', () => {
  assert.match(problem(text([{ ...ok, path: '../secret.csv' }])), /"path": must be relative to the raw folder/);
  assert.match(problem(text([{ ...ok, path: '/etc/passwd' }])), /"path": must be relative to the raw folder/);
  assert.match(problem(text([ok, { ...ok, id: 'kp2' }])), /sources\[1\] \(id "kp2"\) "path": the same path as sources\[0\]/);
});

test('the top level must be {"sources": [...]}, and bad JSON says so', () => {
  assert.match(problem('[]'), /expected \{"sources": \[\.\.\.\]\}/);
  assert.match(problem('null'), /expected \{"sources": \[\.\.\.\]\}/);
  assert.match(problem('{"sources": {}}'), /"sources": must be a list/);
  assert.match(problem('{"sources": [}'), /not valid JSON/);
});

test('several problems are all listed', () => {
  const m = problem(text([{ ...ok, flow: 'up' }, { ...ok, id: 'b', path: 'b.csv', asOf: '31.12.2024' }]));
  assert.match(m, /2 problems/);
  assert.match(m, /sources\[0\] \(id "kp"\) "flow"/);
  assert.match(m, /sources\[1\] \(id "b"\) "asOf"/);
});
