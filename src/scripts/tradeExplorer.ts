// The trade explorer's island: the menus choose a pre-rendered chart, and ?group=&flow= in the address follows
// the choice (replaceState: choosing is not navigating, so Back leaves the page as readers expect).
import { parseTradeChoice, tradeChoiceSearch, type TradeChoice } from '../lib/tradeChoice.ts';

interface ChoiceView {
  src: string;
  title: string;
  summary: string;
  synthetic: boolean;
}

const root = document.querySelector<HTMLElement>('[data-trade-explorer]');
if (root) {
  const choices = JSON.parse(root.dataset.choices ?? '{}') as Record<string, ChoiceView>;
  const form = root.querySelector<HTMLFormElement>('[data-explorer-form]')!;
  const group = root.querySelector<HTMLSelectElement>('[data-explorer-group]')!;
  const flow = root.querySelector<HTMLSelectElement>('[data-explorer-flow]')!;
  const img = root.querySelector<HTMLImageElement>('[data-explorer-img]')!;
  const summary = root.querySelector<HTMLElement>('[data-explorer-summary]')!;
  const download = root.querySelector<HTMLAnchorElement>('[data-explorer-download]')!;
  const groups = [...group.options].map((o) => o.value);
  const fallback: TradeChoice = { group: group.value, flow: flow.value as TradeChoice['flow'] };

  const show = (c: TradeChoice) => {
    const view = choices[`${c.group}|${c.flow}`];
    group.value = c.group;
    flow.value = c.flow;
    if (!view) return;
    img.src = view.src;
    img.alt = view.title;
    summary.textContent = view.summary;
    download.href = view.src;
  };

  form.hidden = false;
  show(parseTradeChoice(location.search, groups, fallback));
  const update = () => {
    const c = parseTradeChoice(`?group=${encodeURIComponent(group.value)}&flow=${encodeURIComponent(flow.value)}`, groups, fallback);
    history.replaceState(null, '', location.pathname + tradeChoiceSearch(location.search, c, fallback) + location.hash);
    show(c);
  };
  group.addEventListener('change', update);
  flow.addEventListener('change', update);
  form.addEventListener('submit', (e) => e.preventDefault());
}
