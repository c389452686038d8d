import { test } from 'node:test';
import assert from 'node:assert/strict';
import { citeGbt7714, citePlain, type CitationInput } from '../../src/lib/citation.ts';

const input: CitationInput = {
  author: '番禺钻石珠宝产业集群数据看板',
  title: '本区钻石进出口占全国比重',
  updated: '2025-12-31',
  accessed: '2026-01-15',
  url: 'http://intranet.example/dashboard/#district-share',
};

test('GB/T 7714-2015 form for an online dataset', () => {
  assert.equal(
    citeGbt7714(input, 'zh'),
    '番禺钻石珠宝产业集群数据看板. 本区钻石进出口占全国比重[DS/OL]. (2025-12-31)[2026-01-15]. http://intranet.example/dashboard/#district-share.',
  );
});

test('synthetic data is marked in the cited title', () => {
  assert.match(citeGbt7714({ ...input, synthetic: true }, 'zh'), /本区钻石进出口占全国比重（示例数据）\[DS\/OL\]/);
  assert.match(citeGbt7714({ ...input, title: 'District share', synthetic: true }, 'en'), /District share \(sample data\)\[DS\/OL\]/);
  assert.match(citePlain({ ...input, synthetic: true }, 'zh'), /《本区钻石进出口占全国比重（示例数据）》/);
});

test('no update date: the parenthesis is left out, not left empty', () => {
  assert.equal(
    citeGbt7714({ ...input, updated: null }, 'zh'),
    '番禺钻石珠宝产业集群数据看板. 本区钻石进出口占全国比重[DS/OL]. [2026-01-15]. http://intranet.example/dashboard/#district-share.',
  );
});

test('plain forms in both languages', () => {
  assert.equal(
    citePlain(input, 'zh'),
    '来源：番禺钻石珠宝产业集群数据看板《本区钻石进出口占全国比重》，数据截至2025年12月31日，http://intranet.example/dashboard/#district-share（2026年1月15日访问）。',
  );
  assert.equal(
    citePlain({ ...input, author: 'Panyu Diamond and Jewelry Cluster Dashboard', title: 'District share of China’s diamond trade' }, 'en'),
    'Source: Panyu Diamond and Jewelry Cluster Dashboard, “District share of China’s diamond trade”, data as of 31 December 2025, http://intranet.example/dashboard/#district-share (accessed 15 January 2026).',
  );
});

test('a trailing full stop in a title is not doubled', () => {
  assert.match(citeGbt7714({ ...input, title: 'Title.' }, 'en'), /Title\[DS\/OL\]/);
});
