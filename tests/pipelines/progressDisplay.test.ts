// The operator's view of a build: bars per stage on a terminal, with counts and the current file or model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { progressDisplay } from '../../pipelines/progressDisplay.ts';

function fakeTerminal() {
  let text = '';
  const stream = {
    isTTY: true,
    columns: 140,
    write(s: string) {
      text += s;
      return true;
    },
    cursorTo: () => true,
    moveCursor: () => true,
    clearLine: () => true,
    clearScreenDown: () => true,
    on: () => stream,
    removeListener: () => stream,
  };
  return { stream: stream as unknown as NodeJS.WriteStream, text: () => text.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '') };
}

test('on a terminal, each stage gets a bar with its count and the item being worked on', () => {
  const t = fakeTerminal();
  const d = progressDisplay(t.stream);
  d.update('land', 'customs_stats/big.csv: 5,000,000 rows', { done: 0, total: 7 });
  d.update('stage', 'customs_stats: staged (3.1 s)', { done: 1, total: 7 });
  d.update('marts', 'mart_trade_monthly', { done: 0, total: 13 });
  d.update('marts', 'mart_trade_share: built', { done: 2, total: 13 });
  d.stop();
  const out = t.text();
  assert.match(out, /land \+ stage \|[█░]+\| 1\/7\s+customs_stats: staged \(3\.1 s\)/);
  assert.match(out, /marts\s+\|[█░]+\| 2\/13\s+mart_trade_share: built/);
});
