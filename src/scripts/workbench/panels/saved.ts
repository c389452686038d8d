// Saved-queries panel: named queries and the run history, kept in the session's store. Picking one puts it in
// the editor (through the session); every query the session starts is added to the history.
import { addHistory, deleteSaved, listHistory, listSaved, saveQuery, type HistoryEntry, type SavedQuery } from '../../../lib/workbench/savedQueries.ts';
import type { WorkbenchSession } from '../session.ts';
import { fillSelect } from './selectOptions.ts';

export interface SavedElements {
  name: HTMLInputElement;
  save: HTMLButtonElement;
  saved: HTMLSelectElement;
  remove: HTMLButtonElement;
  history: HTMLSelectElement;
}

export interface SavedPanel {
  save(): void;
}

export function savedPanel(el: SavedElements, session: WorkbenchSession): SavedPanel {
  const { store } = session;
  const refreshSaved = (list: SavedQuery[] = listSaved(store)) => fillSelect(el.saved, list.map((q) => ({ value: q.name, label: q.name })));
  const refreshHistory = (list: HistoryEntry[] = listHistory(store)) =>
    fillSelect(el.history, list.map((h, i) => ({ value: String(i), label: h.sql.replace(/\s+/g, ' ').slice(0, 80) })));

  session.on('started', ({ sql }) => refreshHistory(addHistory(store, sql)));
  const panel: SavedPanel = {
    save() {
      const name = el.name.value.trim();
      if (!name) return session.notify(session.tr('sql.name_needed'));
      refreshSaved(saveQuery(store, name, session.query()));
      el.saved.value = name;
      session.notify(session.tr('sql.saved_ok', { name }));
    },
  };
  el.save.addEventListener('click', () => panel.save());
  el.saved.addEventListener('change', () => {
    const q = listSaved(store).find((s) => s.name === el.saved.value);
    if (q) {
      session.setQuery(q.sql);
      el.name.value = q.name;
    }
  });
  el.remove.addEventListener('click', () => {
    if (el.saved.value) refreshSaved(deleteSaved(store, el.saved.value));
  });
  el.history.addEventListener('change', () => {
    const h = listHistory(store)[Number(el.history.value)];
    if (h) session.setQuery(h.sql);
  });
  refreshSaved();
  refreshHistory();
  return panel;
}
