// The editor's completion source, built from catalog.json: every published table with its columns, each carrying
// the bilingual description and unit so the completion list doubles as a data dictionary.
import type { CatalogTable } from '../catalog.ts';
import { pick, type Lang } from '../i18n.ts';

/** Shape of a CodeMirror completion (kept structural so this module stays free of editor code). */
export interface CompletionItem {
  label: string;
  type: 'table' | 'property';
  detail?: string;
  info?: string;
}

/** A namespace for @codemirror/lang-sql's `schema` option: table → its completion and its columns. */
export type CompletionSchema = Record<string, { self: CompletionItem; children: CompletionItem[] }>;

export function completionSchema(tables: readonly CatalogTable[], lang: Lang): CompletionSchema {
  const out: CompletionSchema = {};
  for (const tbl of tables) {
    out[tbl.name] = {
      self: { label: tbl.name, type: 'table', detail: pick(lang, tbl.title), info: pick(lang, tbl.description) },
      children: tbl.columns.map((c) => {
        const text = lang === 'en' ? c.en ?? c.zh : c.zh ?? c.en;
        return {
          label: c.name,
          type: 'property',
          detail: c.type,
          ...(text ? { info: c.unit ? `${text} (${c.unit})` : text } : {}),
        };
      }),
    };
  }
  return out;
}
