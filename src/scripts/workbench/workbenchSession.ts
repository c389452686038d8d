// The page's one DuckDbSession, started once by boot.ts and used by main.ts; a module of its own so that the
// entry stays small and main.ts can be loaded after DuckDB has started.
import { DuckDbSession } from './DuckDbSession.ts';

let current: { session: DuckDbSession; starting: Promise<void> } | null = null;

/** Creates the session and starts it; later calls return the same one. Failure is reported to whoever awaits. */
export function startWorkbenchSession(warehouseUrl: string): { session: DuckDbSession; starting: Promise<void> } {
  if (!current) {
    const session = new DuckDbSession(warehouseUrl);
    const starting = session.start();
    starting.catch(() => undefined);
    current = { session, starting };
  }
  return current;
}
