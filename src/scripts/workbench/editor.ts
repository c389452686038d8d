// The SQL editor: CodeMirror 6 with DuckDB-flavoured SQL highlighting, completion of the published tables and
// their columns (with descriptions), and Ctrl/Cmd+Enter to run.
import { basicSetup } from 'codemirror';
import { EditorView, keymap } from '@codemirror/view';
import { EditorSelection, Prec } from '@codemirror/state';
import { sql, PostgreSQL } from '@codemirror/lang-sql';
import type { CompletionSchema } from '../../lib/workbench/completionSchema.ts';

export interface SqlEditor {
  getText(): string;
  setText(text: string): void;
  /** Puts the cursor at an offset (where DuckDB reports an error) and scrolls it into view. */
  focusAt(offset: number): void;
  view: EditorView;
}

export function createEditor(parent: HTMLElement, schema: CompletionSchema, initial: string, onRun: () => void, label: string): SqlEditor {
  const run = () => {
    onRun();
    return true;
  };
  const view = new EditorView({
    parent,
    doc: initial,
    extensions: [
      // Ahead of basicSetup so Mod-Enter runs the query instead of inserting a line.
      Prec.highest(keymap.of([{ key: 'Mod-Enter', run }])),
      basicSetup,
      // PostgreSQL is the closest built-in dialect to DuckDB's (:: casts, $$ strings, ILIKE).
      sql({ dialect: PostgreSQL, schema, upperCaseKeywords: true }),
      EditorView.contentAttributes.of({ 'aria-label': label }),
      EditorView.lineWrapping,
    ],
  });
  return {
    view,
    getText: () => view.state.doc.toString(),
    setText: (text) => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } }),
    focusAt: (offset) => {
      const pos = Math.max(0, Math.min(offset, view.state.doc.length));
      view.dispatch({ selection: EditorSelection.cursor(pos), scrollIntoView: true });
      view.focus();
    },
  };
}
