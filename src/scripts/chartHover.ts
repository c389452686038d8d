// The charts' island: a tooltip with the value nearest the pointer, and the same from the keyboard (the chart
// takes focus; arrows walk the values, Escape hides). The text of each value is its SVG <title>, written at build
// time with the site's number formatting, so with JavaScript off the browser's own tooltip shows the same words.
// Loaded once per page; the trade explorer calls enableChart() for each chart it swaps in.
import { nearestPoint, stepPoint, type Anchor, type NavPoint } from '../lib/chartNav.ts';

interface ChartState {
  marks: SVGGraphicsElement[];
  lines: string[][];
  nav: NavPoint[];
  keys: string[];
  synthetic: boolean;
  tip: HTMLElement;
  host: HTMLElement;
  /** The element that takes focus: the chart, or the figure's picture around it (role="img"). */
  focus: Element;
  active: number;
}

const enabled = new WeakSet<Element>();
let live: HTMLElement | undefined;

/** One polite status region per page: keyboard readers hear the value the arrows land on. */
function announce(text: string): void {
  if (!live) {
    live = document.createElement('div');
    live.className = 'visually-hidden';
    live.setAttribute('role', 'status');
    document.body.append(live);
  }
  live.textContent = text;
}

/** Where the values are now, in viewport pixels: read on each event, so scrolling and resizing need no bookkeeping. */
function anchorsOf(st: ChartState): Anchor[] {
  return st.marks.map((m) => {
    const r = m.getBoundingClientRect();
    const a: Anchor = { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    if (m.tagName === 'rect') a.box = { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    return a;
  });
}

function show(st: ChartState, i: number, fromKeyboard: boolean): void {
  if (i < 0 || !st.marks[i]) return;
  st.marks[st.active]?.classList.remove('is-active');
  st.active = i;
  const mark = st.marks[i];
  mark.classList.add('is-active');
  const lines = st.lines[i];
  st.tip.replaceChildren(
    ...lines.map((text, k) => {
      const div = document.createElement('div');
      div.textContent = text;
      if (st.synthetic && k === lines.length - 1) div.className = 'chart-tip-marker';
      return div;
    }),
  );
  st.tip.dataset.x = mark.dataset.x;
  st.tip.dataset.key = st.keys[Number(mark.dataset.s)] ?? '';
  st.tip.dataset.v = mark.dataset.v;
  st.tip.hidden = false;
  const a = anchorsOf(st)[i];
  const host = st.host.getBoundingClientRect();
  const half = st.tip.offsetWidth / 2;
  st.tip.style.left = `${Math.max(half, Math.min(host.width - half, a.x - host.left))}px`;
  st.tip.style.top = `${(a.box ? a.box.top : a.y) - host.top}px`;
  if (fromKeyboard) announce(lines.join(' '));
}

function hide(st: ChartState): void {
  st.marks[st.active]?.classList.remove('is-active');
  st.tip.hidden = true;
}

/** Makes one chart answer the pointer and the keyboard; charts without tagged values are left alone. */
export function enableChart(svg: SVGSVGElement): void {
  if (enabled.has(svg)) return;
  const marks = [...svg.querySelectorAll<SVGGraphicsElement>('[data-x][data-s]')];
  const host = svg.closest<HTMLElement>('.chart, figure');
  if (!marks.length || !host) return;
  enabled.add(svg);
  // The tooltip replaces the browser's own: keeping the <title>s would show both, one over the other.
  const lines = marks.map((m) => {
    const title = m.querySelector('title');
    const text = title?.textContent ?? '';
    title?.remove();
    return text.split('\n');
  });
  const tip = document.createElement('div');
  tip.className = 'chart-tip';
  tip.hidden = true;
  tip.setAttribute('aria-hidden', 'true');
  host.classList.add('has-chart-tip');
  host.append(tip);
  const focus = svg.parentElement?.closest('svg[role="img"]') ?? svg;
  const st: ChartState = {
    marks,
    lines,
    nav: marks.map((m) => ({ s: Number(m.dataset.s), x: Number(m.dataset.x) })),
    keys: JSON.parse(svg.dataset.keys ?? '[]') as string[],
    synthetic: svg.dataset.synthetic === 'true',
    tip,
    host,
    focus,
    active: -1,
  };
  focus.setAttribute('tabindex', '0');
  svg.addEventListener('pointermove', (e) => show(st, nearestPoint(anchorsOf(st), e.clientX, e.clientY), false));
  svg.addEventListener('pointerleave', () => (document.activeElement === focus ? show(st, st.active, false) : hide(st)));
  focus.addEventListener('focus', () => show(st, Math.max(0, st.active), true));
  focus.addEventListener('blur', () => hide(st));
  focus.addEventListener('keydown', (e) => {
    const key = (e as KeyboardEvent).key;
    if (key === 'Escape') return hide(st);
    const next = stepPoint(st.nav, Math.max(0, st.active), key);
    if (next === null) return;
    e.preventDefault();
    show(st, next, true);
  });
}

for (const svg of document.querySelectorAll<SVGSVGElement>('svg[data-chart]')) enableChart(svg);
