// Status panel: the status line (loading, ready, running, failed), the message line and the error box. It shows
// what the session reports; the error's kind and where in the query it points are written here.
import type { Key } from '../../../lib/i18n.ts';
import type { QueryErrorKind } from '../../../lib/workbench/queryError.ts';
import type { WorkbenchSession } from '../session.ts';

export interface StatusElements {
  status: HTMLElement;
  message: HTMLElement;
  error: HTMLElement;
}

const KIND_KEY: Record<QueryErrorKind, Key> = {
  sql: 'sql.err_sql',
  memory: 'sql.err_memory',
  network: 'sql.err_network',
  extension: 'sql.err_extension',
  extensions_disabled: 'sql.err_extensions_disabled',
  cancelled: 'sql.err_cancelled',
  file: 'sql.err_file',
  other: 'sql.err_other',
};

export interface StatusPanel {
  /** The error box's text, for whoever needs to read it back (tests). */
  errorShown(): string | null;
}

export function statusPanel(el: StatusElements, session: WorkbenchSession): StatusPanel {
  const part = (root: HTMLElement, sel: string) => root.querySelector<HTMLElement>(sel)!;
  session.on('status', ({ state, text }) => {
    el.status.dataset.state = state;
    part(el.status, '[data-wb-status-text]').textContent = text;
  });
  session.on('message', (text) => {
    el.message.textContent = text;
  });
  session.on('error', (shown) => {
    el.error.hidden = shown === null;
    if (!shown) return;
    const { info, sql } = shown;
    el.error.dataset.kind = info.kind;
    part(el.error, '[data-wb-error-kind]').textContent = session.tr(KIND_KEY[info.kind]);
    part(el.error, '[data-wb-error-message]').textContent = info.message;
    const at = part(el.error, '[data-wb-error-at]');
    at.textContent = '';
    if (info.position !== null) {
      const before = sql.slice(0, info.position).split('\n');
      at.textContent = session.tr('sql.err_at', { line: before.length, col: before[before.length - 1].length + 1 });
    }
  });
  return {
    errorShown: () => (el.error.hidden ? null : part(el.error, '[data-wb-error-message]').textContent),
  };
}
