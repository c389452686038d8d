// Named saved queries and the run history, kept in the browser's localStorage. The storage is passed in so the
// rules (caps, de-duplication, tolerance of damaged entries) are tested without a browser.

/** The subset of the Web Storage API used here. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface SavedQuery {
  name: string;
  sql: string;
  /** ISO time of the last save. */
  savedAt: string;
}

export interface HistoryEntry {
  sql: string;
  ranAt: string;
}

const SAVED_KEY = 'workbench.saved.v1';
const HISTORY_KEY = 'workbench.history.v1';
/** Enough to find yesterday's work; localStorage is small (about 5 MB) and shared by the whole site. */
export const HISTORY_MAX = 50;

function readList<T>(store: KeyValueStore, key: string, valid: (x: unknown) => x is T): T[] {
  try {
    const parsed: unknown = JSON.parse(store.getItem(key) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(valid) : [];
  } catch {
    return [];
  }
}

const isSaved = (x: unknown): x is SavedQuery =>
  !!x && typeof (x as SavedQuery).name === 'string' && typeof (x as SavedQuery).sql === 'string';
const isHistory = (x: unknown): x is HistoryEntry => !!x && typeof (x as HistoryEntry).sql === 'string';

/** Saved queries, newest first. */
export function listSaved(store: KeyValueStore): SavedQuery[] {
  return readList(store, SAVED_KEY, isSaved);
}

/** Saves under `name`, replacing a query of the same name. */
export function saveQuery(store: KeyValueStore, name: string, sql: string, now = new Date()): SavedQuery[] {
  const clean = name.trim();
  if (!clean) throw new Error('A saved query needs a name');
  const list = [{ name: clean, sql, savedAt: now.toISOString() }, ...listSaved(store).filter((q) => q.name !== clean)];
  store.setItem(SAVED_KEY, JSON.stringify(list));
  return list;
}

export function deleteSaved(store: KeyValueStore, name: string): SavedQuery[] {
  const list = listSaved(store).filter((q) => q.name !== name);
  store.setItem(SAVED_KEY, JSON.stringify(list));
  return list;
}

/** Run history, newest first. */
export function listHistory(store: KeyValueStore): HistoryEntry[] {
  return readList(store, HISTORY_KEY, isHistory);
}

/** Records a run; running the same text again moves it to the top instead of adding a copy. */
export function addHistory(store: KeyValueStore, sql: string, now = new Date()): HistoryEntry[] {
  const text = sql.trim();
  if (!text) return listHistory(store);
  const list = [{ sql: text, ranAt: now.toISOString() }, ...listHistory(store).filter((h) => h.sql !== text)].slice(0, HISTORY_MAX);
  try {
    store.setItem(HISTORY_KEY, JSON.stringify(list));
  } catch {
    // A full storage must not stop a query from running; the history is a convenience.
  }
  return list;
}
