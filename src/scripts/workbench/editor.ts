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
  /** Replaces the selection with `text` and puts the cursor after it. */
  insert(text: string): void;
}

export interface EditorOptions {
  schema: CompletionSchema;
  initial: string;
  label: string;
  onRun: () => void;
  onChange: (text: string) => void;
}

export function createEditor(parent: HTMLElement, o: EditorOptions): SqlEditor {
  const run = () => {
    o.onRun();
    return true;
  };
  const view = new EditorView({
    parent,
    doc: o.initial,
    extensions: [
      // Ahead of basicSetup so Mod-Enter runs the query instead of inserting a line.
      Prec.highest(keymap.of([{ key: 'Mod-Enter', run }])),
      basicSetup,
      // PostgreSQL is the closest built-in dialect to DuckDB's (:: casts, $$ strings, ILIKE).
      sql({ dialect: PostgreSQL, schema: o.schema, upperCaseKeywords: true }),
      EditorView.contentAttributes.of({ 'aria-label': o.label }),
      EditorView.lineWrapping,
      EditorView.updateListener.of((u) => {
        if (u.docChanged) o.onChange(u.state.doc.toString());
      }),
    ],
  });
  return {
    getText: () => view.state.doc.toString(),
    setText: (text) => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } }),
    focusAt: (offset) => {
      const pos = Math.max(0, Math.min(offset, view.state.doc.length));
      view.dispatch({ selection: EditorSelection.cursor(pos), scrollIntoView: true });
      view.focus();
    },
    insert: (text) => {
      const { from, to } = view.state.selection.main;
      view.dispatch({ changes: { from, to, insert: text }, selection: { anchor: from + text.length } });
      view.focus();
    },
  };
}
