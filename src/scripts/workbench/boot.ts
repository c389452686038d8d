// The workbench page's entry: starts DuckDB (worker, wasm, attach) first, then loads the rest of the page's code
// (the editor and everything around it), so compiling CodeMirror does not delay the wasm download.
import { startWorkbenchSession } from './workbenchSession.ts';

startWorkbenchSession(document.querySelector<HTMLElement>('[data-workbench]')!.dataset.warehouse!);
void import('./main.ts');
