import { test } from 'node:test';
import assert from 'node:assert/strict';
import { embedHeight, embedHref, embedSnippet } from '../../src/lib/embed.ts';

test('embed pages live under the base, Chinese at the root and English under en/', () => {
  assert.equal(embedHref('/', 'zh', 'district-share'), '/embed/district-share/');
  assert.equal(embedHref('/sub', 'en', 'district-share'), '/sub/en/embed/district-share/');
});

test('the embed snippet is an iframe with an escaped address and title', () => {
  const s = embedSnippet('http://intranet/sub/embed/x/?a=1&b=2', '“Rough” & <polished>', embedHeight(340));
  assert.match(s, /^<iframe src="http:\/\/intranet\/sub\/embed\/x\/\?a=1&amp;b=2" title="“Rough” &amp; &lt;polished&gt;"/);
  assert.match(s, /height="480"/);
  assert.ok(embedHeight(340, ["x".repeat(400)]) > embedHeight(340, ["x"]));
  assert.ok(embedHeight(264) > embedHeight(120), 'a taller chart gets a taller frame');
});
