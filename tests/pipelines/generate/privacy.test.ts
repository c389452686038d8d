import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateSample } from '../../../pipelines/generate/generate.ts';
import { decodeCsv, workbookRows } from './sampleReader.ts';

/** A real 18-digit resident ID: plausible birth date and a matching ISO 7064 check character. */
export function looksLikeResidentId(s: string): boolean {
  if (!/^\d{17}[\dX]$/.test(s)) return false;
  const y = +s.slice(6, 10);
  const m = +s.slice(10, 12);
  const d = +s.slice(12, 14);
  if (y < 1900 || y > 2025 || m < 1 || m > 12 || d < 1 || d > 31) return false;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = w.reduce((acc, wi, i) => acc + wi * +s[i], 0);
  return '10X98765432'[sum % 11] === s[17];
}

const ID_CANDIDATE = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;
const MOBILE = /(?<!\d)(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?!\d)/g;

export function personalDataHits(text: string): string[] {
  const ids = [...text.matchAll(ID_CANDIDATE)].map((m) => m[0].toUpperCase()).filter(looksLikeResidentId);
  const mobiles = [...text.matchAll(MOBILE)].map((m) => m[0]);
  return [...ids, ...mobiles];
}

test('the detectors work on known shapes (so a clean result means something)', () => {
  assert.deepEqual(personalDataHits('x,11010519491231002X,y'), ['11010519491231002X']);
  assert.deepEqual(personalDataHits('电话 13812345678。'), ['13812345678']);
  assert.deepEqual(personalDataHits('138-1234-5678'), ['138-1234-5678']);
  assert.deepEqual(personalDataHits('020-00001234, 914401132154782558, 4401920100'), []);
});

test('no generated file contains a resident-ID-like or mainland-mobile-like string', async () => {
  const sample = await generateSample();
  for (const [path, bytes] of sample.files) {
    let text: string;
    if (path.endsWith('.xlsx')) {
      text = (await workbookRows(bytes)).flatMap((s) => s.rows.map((r) => r.cells.join(','))).join('\n');
    } else text = decodeCsv(bytes).text;
    assert.deepEqual(personalDataHits(text), [], path);
  }
});
