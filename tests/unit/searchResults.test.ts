// The search box's result lines from Pagefind's data: excerpts become text runs (never HTML), an indicator's title
// heading links to the indicator's section anchor, and a page matched only above its titled sections is one line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { anchorUrl, excerptRuns, hitsOfPage, holdsQuery, isRelevant, rankPages, type PagefindFragment } from '../../src/lib/searchResults.ts';

test('an excerpt splits into plain and marked runs, with entities decoded and other tags dropped', () => {
  assert.deepEqual(excerptRuns('本区<mark>培育钻石</mark>出口 &lt;b&gt; &amp; <mark>lab</mark>-<mark>grown</mark>'), [
    { text: '本区', mark: false },
    { text: '培育钻石', mark: true },
    { text: '出口 <b> & ', mark: false },
    { text: 'lab', mark: true },
    { text: '-', mark: false },
    { text: 'grown', mark: true },
  ]);
  // A tag that is not <mark> (there should be none) is dropped, so nothing but text reaches the page.
  assert.deepEqual(excerptRuns('a<img src=x onerror=alert(1)>b'), [{ text: 'ab', mark: false }]);
  assert.deepEqual(excerptRuns(''), []);
});

const anchors = [
  { element: 'h1', id: 'top', location: 0 },
  { element: 'section', id: 'partners-export', location: 10 },
  { element: 'h3', id: 'partners-export-title', location: 10 },
  { element: 'h2', id: 'sources', location: 40 },
];

test("an indicator's title heading links to the indicator's section; other headings keep their own anchor", () => {
  const sub = (id: string) => ({ title: 't', url: `/sub/trade/#${id}`, excerpt: '', locations: [1], anchor: anchors.find((a) => a.id === id) });
  assert.equal(anchorUrl(sub('partners-export-title'), anchors), '/sub/trade/#partners-export');
  assert.equal(anchorUrl(sub('sources'), anchors), '/sub/trade/#sources');
  // "-title" with no section of that id: the heading's own anchor.
  const orphan = { title: 't', url: '/x/#lonely-title', excerpt: '', locations: [1], anchor: { element: 'h2', id: 'lonely-title', location: 3 } };
  assert.equal(anchorUrl(orphan, anchors), '/x/#lonely-title');
  assert.equal(anchorUrl({ title: 't', url: '/x/', excerpt: '', locations: [] }, anchors), '/x/');
});

test('a page lists its matching titled sections (at most three), else itself once', () => {
  const f: PagefindFragment = {
    url: '/trade/',
    content: '贸易 主要目的地 印度',
    excerpt: 'page <mark>印度</mark>',
    meta: { title: '贸易' },
    anchors,
    sub_results: [
      { title: '贸易', url: '/trade/', excerpt: 'top', locations: [2] },
      { title: '主要目的地', url: '/trade/#partners-export-title', excerpt: '最大的是<mark>印度</mark>', locations: [12], anchor: anchors[2] },
      { title: '来源', url: '/trade/#sources', excerpt: 's', locations: [41], anchor: anchors[3] },
    ],
  };
  assert.deepEqual(hitsOfPage(f, '印度'), [
    { title: '主要目的地', page: '贸易', url: '/trade/#partners-export', excerpt: [{ text: '最大的是', mark: false }, { text: '印度', mark: true }] },
    { title: '来源', page: '贸易', url: '/trade/#sources', excerpt: [{ text: 's', mark: false }] },
  ]);
  // A section whose excerpt holds the query as typed comes first; others keep page order.
  assert.deepEqual(hitsOfPage(f, 's').map((h) => h.title), ['来源', '主要目的地']);
  assert.equal(hitsOfPage(f, '印度', 1).length, 1);
  assert.deepEqual(hitsOfPage({ ...f, sub_results: [f.sub_results[0]] }, '印度').map((h) => h.url), ['/trade/']);
  assert.deepEqual(hitsOfPage({ ...f, sub_results: [] }, '印度'), [{ title: '贸易', page: '贸易', url: '/trade/', excerpt: [{ text: 'page ', mark: false }, { text: '印度', mark: true }] }]);
});

test('pages holding the query as typed come first, the rest keep Pagefind’s order', () => {
  assert.ok(holdsQuery('本区 加工贸易 1.23亿', '加工贸易'));
  assert.ok(!holdsQuery('已加工 钻石 贸易', '加工贸易'), 'the words apart do not count');
  assert.ok(holdsQuery('Win Processing\n trade orders', 'processing trade'), 'case and white space do not matter');
  assert.ok(!holdsQuery('anything', '  '));
  const pages = [{ id: 1, content: '已加工 贸易' }, { id: 2, content: '加工贸易' }, { id: 3, content: '贸易 加工' }, { id: 4, content: '加工贸易方式' }];
  assert.deepEqual(rankPages(pages, '加工贸易').map((p) => p.id), [2, 4, 1, 3]);
});

test('a page is a result only when it holds a query word or a highlighted word of two letters or more inside the query', () => {
  const page = (content: string, excerpt: string) => ({ content, excerpt, sub_results: [] });
  // Pagefind's nearest word for one it does not know: an initial, a registration number.
  assert.equal(isRelevant(page('Isard, W. (1960), Methods of Regional Analysis', 'Isard, <mark>W.</mark> (1960)'), 'wombat'), false);
  assert.equal(isRelevant(page('示例晶彩首饰有限公司 91440113MA5UT9CR38', '<mark>91440113MA5UT9CR38.</mark>'), 'crocodile'), false);
  // The query's words on the page, whole or cut into pieces by the segmenter, in either language.
  assert.equal(isRelevant(page('Exports of lab-grown polished diamonds', 'of <mark>lab-grown</mark>'), 'lab-grown'), true);
  assert.equal(isRelevant(page('Processing trade with imported materials', '<mark>Processing</mark> <mark>trade</mark>'), 'processing trade'), true);
  assert.equal(isRelevant(page('本区培育钻石毛坯进口', '本区<mark>培育钻石</mark>'), '培育钻石'), true);
  assert.equal(isRelevant(page('培育的钻石', '<mark>培育</mark>的<mark>钻石</mark>'), '培育钻石'), true);
  assert.equal(isRelevant(page('Diamonds, unsorted', '<mark>Diamonds</mark>, unsorted'), 'diamond'), true);
});
