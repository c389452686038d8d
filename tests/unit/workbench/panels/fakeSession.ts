// What the panel tests share: a DOM (linkedom) holding a panel's markup, a fake workbench session that records
// what the panels ask of it and lets a test send the session's events, and a small result grid.
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { t, type Key, type Lang } from '../../../../src/lib/i18n.ts';
import { describeError } from '../../../../src/lib/workbench/queryError.ts';
import { ResultGrid } from '../../../../src/lib/workbench/resultGrid.ts';
import type { KeyValueStore } from '../../../../src/lib/workbench/savedQueries.ts';
import type { CurrentResult, ImportedFile, Phase, SessionEvents, WorkbenchSession } from '../../../../src/scripts/workbench/session.ts';

/** A document with `html` in its body. linkedom's <select> has no value setter; the browser's behaviour is added. */
export function panelDom(html: string): Document {
  const { document, HTMLSelectElement } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const proto = HTMLSelectElement.prototype as unknown as HTMLSelectElement;
  if (!Object.getOwnPropertyDescriptor(proto, 'value')?.set) {
    Object.defineProperty(proto, 'value', {
      configurable: true,
      get(this: HTMLSelectElement) {
        const opts = [...this.querySelectorAll('option')];
        return (opts.find((o) => o.hasAttribute('selected')) ?? opts[0])?.getAttribute('value') ?? '';
      },
      set(this: HTMLSelectElement, v: string) {
        for (const o of this.querySelectorAll('option')) o.toggleAttribute('selected', o.getAttribute('value') === v);
      },
    });
  }
  return document as unknown as Document;
}

export function click(el: Element): void {
  el.dispatchEvent(new (el.ownerDocument.defaultView as unknown as typeof globalThis).Event('click'));
}

export function change(el: Element): void {
  el.dispatchEvent(new (el.ownerDocument.defaultView as unknown as typeof globalThis).Event('change'));
}

export function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

/** A result grid of plain values; `types` are Arrow type names (Utf8, Int32, Float64, Date32<DAY>). */
export function grid(columns: [string, string][], rows: unknown[][]): ResultGrid {
  return new ResultGrid(
    columns.map(([name, type]) => ({ name, type })),
    [{ numRows: rows.length, getChildAt: (j: number) => ({ get: (i: number) => rows[i][j] }) }],
  );
}

/** A session that does nothing by itself: it records calls, and the test drives it with emit(). */
export class FakeSession implements WorkbenchSession {
  readonly store = memoryStore();
  phase: Phase = 'ready';
  running = false;
  result: CurrentResult | null = null;
  text = '';
  readonly runs: (string | undefined)[] = [];
  readonly notes: string[] = [];
  readonly failures: unknown[] = [];
  readonly inserted: string[] = [];
  readonly queries: { text: string; from: string }[] = [];
  cancels = 0;
  cleared = 0;
  imported: (ImportedFile & { rows: number }) | Error = { table: 't', rows: 0 };
  private readonly listeners = new Map<string, ((p: unknown) => void)[]>();

  constructor(readonly lang: Lang = 'en') {}
  tr = (key: Key, params?: Record<string, string | number>) => t(this.lang, key, params);
  get idle() {
    return this.phase === 'ready' && !this.running;
  }
  query = () => this.text;
  setQuery(text: string, from: 'editor' | 'session' = 'session') {
    this.text = text;
    this.queries.push({ text, from });
    this.emit('query', { text, from });
  }
  async run(sql?: string) {
    this.runs.push(sql);
  }
  async cancel() {
    this.cancels++;
  }
  async importFile() {
    if (this.imported instanceof Error) throw this.imported;
    return this.imported;
  }
  insertText(text: string) {
    this.inserted.push(text);
  }
  notify(text: string) {
    this.notes.push(text);
  }
  fail(error: unknown, sql = '') {
    this.failures.push(error);
    this.emit('error', { info: describeError(error, sql), sql });
  }
  clearError() {
    this.cleared++;
  }
  async start() {}
  on<E extends keyof SessionEvents>(event: E, fn: (payload: SessionEvents[E]) => void) {
    const list = this.listeners.get(event) ?? [];
    list.push(fn as (p: unknown) => void);
    this.listeners.set(event, list);
    return () => undefined;
  }
  emit<E extends keyof SessionEvents>(event: E, payload: SessionEvents[E]): void {
    if (event === 'result') this.result = payload as CurrentResult;
    for (const fn of this.listeners.get(event) ?? []) fn(payload);
  }
  showResult(result: Omit<CurrentResult, 'truncated' | 'elapsedMs'> & Partial<CurrentResult>): void {
    this.emit('result', { truncated: false, elapsedMs: 12, ...result });
  }
}

/**
 * The workbench's own markup (Workbench.astro), with its template expressions (translated labels) left out: the
 * panels are tested against the elements the page really has, so renaming one there fails here.
 */
export function workbenchMarkup(): string {
  const src = readFileSync(new URL('../../../../src/components/workbench/Workbench.astro', import.meta.url), 'utf8');
  const body = src.split(/^---$/m)[2].split('<style>')[0];
  return body.replace(/=\{[^{}]*\}/g, '=""').replace(/\{[^{}]*\}/g, '');
}

/** Waits (up to 2 s) for something an event handler does after an await. */
export async function until(ok: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !ok(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!ok()) throw new Error('timed out waiting for the panel');
}
