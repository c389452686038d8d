// The trade explorer's island: the menus choose a pre-rendered chart and a period, and ?group=&flow=&from=&to= in
// the address follows the choice (replaceState: choosing is not navigating, so Back leaves the page as readers
// expect). The chosen chart's file is fetched and written into the page, so its values answer hover like every
// other chart; the years outside the period are veiled and the period's first and last values are stated.
import { parseTradeChoice, tradeChoiceSearch, type TradeChoice } from '../lib/tradeChoice.ts';
import { parsePeriod, periodSearch, type Period } from '../lib/periodChoice.ts';
import { fitYearScale, periodShades } from '../lib/periodShade.ts';
import { formatValue, type Unit } from '../lib/format.ts';
import type { Lang } from '../lib/i18n.ts';
import { enableChart } from './chartHover.ts';

interface ChoiceView {
  src: string;
  title: string;
  summary: string;
  synthetic: boolean;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const root = document.querySelector<HTMLElement>('[data-trade-explorer]');
if (root) {
  const choices = JSON.parse(root.dataset.choices ?? '{}') as Record<string, ChoiceView>;
  const templates = JSON.parse(root.dataset.templates ?? '{}') as { range: string; one: string };
  const form = root.querySelector<HTMLFormElement>('[data-explorer-form]')!;
  const group = root.querySelector<HTMLSelectElement>('[data-explorer-group]')!;
  const flow = root.querySelector<HTMLSelectElement>('[data-explorer-flow]')!;
  const from = root.querySelector<HTMLSelectElement>('[data-explorer-from]')!;
  const to = root.querySelector<HTMLSelectElement>('[data-explorer-to]')!;
  const holder = root.querySelector<HTMLElement>('[data-explorer-chart]')!;
  const summary = root.querySelector<HTMLElement>('[data-explorer-summary]')!;
  const readout = root.querySelector<HTMLElement>('[data-explorer-period]')!;
  const download = root.querySelector<HTMLAnchorElement>('[data-explorer-download]')!;
  const groups = [...group.options].map((o) => o.value);
  const years = [...from.options].map((o) => Number(o.value));
  const fallback: TradeChoice = { group: group.value, flow: flow.value as TradeChoice['flow'] };
  let request = 0;

  const chartSvg = () => holder.querySelector<SVGSVGElement>('svg[data-chart]');

  /** Veils the years outside the period and states its first and last values (series 0: the explorer has one). */
  const showPeriod = (p: Period) => {
    from.value = String(p.from);
    to.value = String(p.to);
    const svg = chartSvg();
    if (!svg) return;
    svg.querySelectorAll('.period-shade').forEach((r) => r.remove());
    const marks = [...svg.querySelectorAll<SVGCircleElement>('circle[data-x]')].map((m) => ({ year: Number(m.dataset.x), px: Number(m.getAttribute('cx')), v: Number(m.dataset.v) }));
    const [left, top, right, bottom] = (svg.dataset.frame ?? '0,0,0,0').split(',').map(Number);
    const scale = fitYearScale(marks);
    if (scale) {
      // A period reaching the first or last offered year leaves that side open: the chart may run on into a year
      // without values (drawn, but not offered), which is not "outside" the reader's choice.
      const open = { from: p.from <= years[0] ? -Infinity : p.from, to: p.to >= years[years.length - 1] ? Infinity : p.to };
      for (const s of periodShades({ left, top, right, bottom }, scale, open.from, open.to)) {
        const rect = document.createElementNS(SVG_NS, 'rect');
        rect.setAttribute('class', 'period-shade');
        rect.setAttribute('x', String(s.x));
        rect.setAttribute('width', String(s.width));
        rect.setAttribute('y', String(top));
        rect.setAttribute('height', String(bottom - top));
        svg.append(rect);
      }
    }
    const inside = marks.filter((m) => m.year >= p.from && m.year <= p.to).sort((a, b) => a.year - b.year);
    const a = inside[0];
    const b = inside[inside.length - 1];
    const fmt = (v: number | undefined) => formatValue(v ?? null, svg.dataset.unit as Unit, svg.dataset.lang as Lang);
    const fill = (tpl: string, params: Record<string, string | number>) => tpl.replace(/\{(\w+)\}/g, (m, k: string) => String(params[k] ?? m));
    readout.textContent = !a ? '' : a === b ? fill(templates.one, { from: a.year, a: fmt(a.v) }) : fill(templates.range, { from: a.year, to: b.year, a: fmt(a.v), b: fmt(b.v) });
    readout.dataset.from = a ? String(a.year) : '';
    readout.dataset.to = b ? String(b.year) : '';
    readout.hidden = !a;
  };

  /** Writes the chosen chart's file into the page (it is fetched once the choice changes from what is shown). */
  const showChoice = async (c: TradeChoice, p: Period) => {
    group.value = c.group;
    flow.value = c.flow;
    const view = choices[`${c.group}|${c.flow}`];
    if (!view) return showPeriod(p);
    summary.textContent = view.summary;
    download.href = view.src;
    if (holder.dataset.src !== view.src) {
      const mine = ++request;
      const text = await fetch(view.src).then((r) => (r.ok ? r.text() : null), () => null);
      if (mine !== request) return;
      const doc = text === null ? null : new DOMParser().parseFromString(text, 'image/svg+xml');
      if (doc?.documentElement.localName === 'svg') holder.replaceChildren(document.importNode(doc.documentElement, true));
      else {
        // The file could not be read as SVG here: the same file as a picture still shows the chart.
        const img = document.createElement('img');
        img.src = view.src;
        img.alt = view.title;
        holder.replaceChildren(img);
      }
      holder.dataset.src = view.src;
      const svg = chartSvg();
      if (svg) enableChart(svg);
    }
    showPeriod(p);
  };

  const current = (): { c: TradeChoice; p: Period } => ({
    c: parseTradeChoice(`?group=${encodeURIComponent(group.value)}&flow=${encodeURIComponent(flow.value)}`, groups, fallback),
    p: parsePeriod(`?from=${from.value}&to=${to.value}`, years),
  });

  form.hidden = false;
  void showChoice(parseTradeChoice(location.search, groups, fallback), parsePeriod(location.search, years));
  const update = () => {
    const { c, p } = current();
    const search = periodSearch(tradeChoiceSearch(location.search, c, fallback), p, years);
    history.replaceState(null, '', location.pathname + search + location.hash);
    void showChoice(c, p);
  };
  for (const s of [group, flow, from, to]) s.addEventListener('change', update);
  form.addEventListener('submit', (e) => e.preventDefault());
}
