// Examples panel: one-click example questions; each button carries its SQL, which the session shows and runs.
import type { WorkbenchSession } from '../session.ts';
import { followIdle } from './queryButtons.ts';

export function examplesPanel(root: HTMLElement, session: WorkbenchSession): { count: number } {
  const buttons = [...root.querySelectorAll<HTMLButtonElement>('[data-wb-example]')];
  for (const b of buttons) b.addEventListener('click', () => void session.run(b.dataset.sql ?? ''));
  followIdle(buttons, session);
  return { count: buttons.length };
}
