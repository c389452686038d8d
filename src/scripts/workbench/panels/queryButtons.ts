// Buttons that start a query (an example, a table preview) may be pressed only while the session is idle.
import type { WorkbenchSession } from '../session.ts';

export function followIdle(buttons: readonly HTMLButtonElement[], session: WorkbenchSession): void {
  session.on('state', ({ phase, running }) => {
    for (const b of buttons) b.disabled = running || phase !== 'ready';
  });
}
