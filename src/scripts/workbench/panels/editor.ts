// Editor panel: the SQL editor and its toolbar (run, stop, share link). It keeps the session's query text in
// step with what the reader types, shows the text the session asks for (an example, a saved query, a share
// link), and puts the cursor where an error points.
import type { SqlEditor, EditorOptions } from '../editor.ts';
import { encodeQuery } from '../../../lib/workbench/shareLink.ts';
import type { WorkbenchSession } from '../session.ts';

export interface EditorElements {
  host: HTMLElement;
  run: HTMLButtonElement;
  cancel: HTMLButtonElement;
  share: HTMLButtonElement;
}

export interface EditorPanelDeps {
  /** Builds the editor in `host` (CodeMirror on the page; tests pass a plain one). */
  createEditor: (host: HTMLElement, o: EditorOptions) => SqlEditor;
  schema: EditorOptions['schema'];
  /** Puts the share fragment in the address bar and copies the link; false when the clipboard refused. */
  publishLink?: (hash: string) => Promise<boolean>;
}

async function addressBarLink(hash: string): Promise<boolean> {
  history.replaceState(null, '', `#${hash}`);
  try {
    await navigator.clipboard.writeText(location.href);
    return true;
  } catch {
    return false;
  }
}

export function editorPanel(el: EditorElements, session: WorkbenchSession, deps: EditorPanelDeps): SqlEditor {
  const editor = deps.createEditor(el.host, {
    schema: deps.schema,
    initial: session.query(),
    label: session.tr('sql.editor_label'),
    onRun: () => void session.run(),
    onChange: (text) => session.setQuery(text, 'editor'),
  });
  session.on('query', ({ text, from }) => {
    if (from !== 'editor' && text !== editor.getText()) editor.setText(text);
  });
  session.on('insert', (text) => editor.insert(text));
  session.on('error', (shown) => {
    if (shown && shown.info.position !== null) editor.focusAt(shown.info.position);
  });
  session.on('state', ({ phase, running }) => {
    el.run.disabled = running || phase !== 'ready';
    el.cancel.hidden = !running;
  });
  el.run.addEventListener('click', () => void session.run());
  el.cancel.addEventListener('click', async () => {
    el.cancel.disabled = true;
    await session.cancel();
    el.cancel.disabled = false;
  });
  // Share link: the query goes into the fragment; the address bar then holds a link that reproduces it.
  el.share.addEventListener('click', async () => {
    const copied = await (deps.publishLink ?? addressBarLink)(await encodeQuery(session.query()));
    session.notify(session.tr(copied ? 'sql.share_done' : 'sql.share_shown'));
  });
  return editor;
}
