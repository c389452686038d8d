// Turns what DuckDB (or the browser around it) throws into something an economist can act on: the kind of
// failure, DuckDB's own message, and where in the query it points when DuckDB says so.

/**
 * What went wrong, for choosing the explanation shown above DuckDB's message.
 * - `sql`: the query itself (syntax, unknown table or column, types); DuckDB's message says what.
 * - `memory`: the browser ran out of memory for this result or intermediate state.
 * - `network`: the query tried to read from another host, which the page's security policy refuses.
 * - `extension`: the query needs a DuckDB extension, which would have to be downloaded from the internet.
 * - `extensions_disabled`: the query itself installs or loads an extension (INSTALL, LOAD), which this workbench
 *   refuses before running it (extensionStatement.ts).
 * - `cancelled`: the reader stopped the query.
 * - `file`: a file the reader imported is not what its name says, is damaged, or has columns we cannot import.
 * - `other`: anything else (a crashed worker).
 */
export type QueryErrorKind = 'sql' | 'memory' | 'network' | 'extension' | 'extensions_disabled' | 'cancelled' | 'file' | 'other';

/** Errors thrown while decoding an imported file (parquetToArrow.ts, xlsxToArrow.ts), by name: no import needed. */
const FILE_ERRORS = new Set(['ParquetReadError', 'UnsupportedParquetColumn', 'XlsxReadError']);

export interface QueryErrorInfo {
  kind: QueryErrorKind;
  message: string;
  /** Offset into the query text where DuckDB points, when its message has a "LINE n:" caret. */
  position: number | null;
}

function classify(message: string): QueryErrorKind {
  if (/out of memory|could not allocate|allocation failed|memory access out of bounds|Maximum call stack/i.test(message)) return 'memory';
  if (/cancel|interrupt/i.test(message)) return 'cancelled';
  if (/extension/i.test(message)) return 'extension';
  if (/https?:\/\/|XMLHttpRequest|NetworkError|Failed to fetch|Content Security Policy|connect-src/i.test(message)) return 'network';
  if (/^(Parser|Binder|Catalog|Conversion|Invalid Input|Constraint|Not implemented|Permission|Dependency|Syntax|Invalid)\b.*Error/i.test(message)) return 'sql';
  return 'other';
}

/**
 * The offset in `sql` that DuckDB's caret points at. DuckDB prints the offending line after "LINE n: " and a
 * caret under the character; when the line is long it prints only a window of it, so the window is found in
 * the line's text rather than assumed to start at column 0.
 */
export function errorPosition(message: string, sql: string): number | null {
  const m = /LINE (\d+): (.*)\n( *)\^/.exec(message);
  if (!m) return null;
  const lineNo = Number(m[1]);
  const shown = m[2];
  const caretCol = m[3].length - `LINE ${m[1]}: `.length;
  const lines = sql.split('\n');
  if (lineNo < 1 || lineNo > lines.length || caretCol < 0) return null;
  const line = lines[lineNo - 1];
  const window = shown.replace(/^\.\.\./, '').replace(/\.\.\.$/, '');
  const lead = shown.startsWith('...') ? 3 : 0;
  const at = line.indexOf(window);
  const col = (at >= 0 ? at : 0) + caretCol - lead;
  const lineStart = lines.slice(0, lineNo - 1).reduce((n, l) => n + l.length + 1, 0);
  return lineStart + Math.max(0, Math.min(col, line.length));
}

/**
 * DuckDB-Wasm reports errors as JSON ({"exception_type":"Parser","exception_message":"…","position":"7"}):
 * the type and message are put back into DuckDB's usual "Parser Error: …" form, and the position (a character
 * offset into the query) is used when given.
 */
function unwrapJson(message: string): { message: string; position: number | null } {
  if (!message.startsWith('{')) return { message, position: null };
  try {
    const j = JSON.parse(message) as { exception_type?: string; exception_message?: string; position?: string | number };
    if (typeof j.exception_message !== 'string') return { message, position: null };
    const type = j.exception_type ? `${j.exception_type} Error: ` : '';
    const pos = j.position === undefined || j.position === '' ? null : Number(j.position);
    return { message: type + j.exception_message, position: Number.isInteger(pos) && pos! >= 0 ? pos : null };
  } catch {
    return { message, position: null };
  }
}

export function describeError(error: unknown, sql: string): QueryErrorInfo {
  if (error instanceof Error && error.name === 'ExtensionsDisabledError') {
    const { position } = (error as Error & { statement: { position: number } }).statement;
    return { kind: 'extensions_disabled', message: error.message, position: position <= sql.length ? position : null };
  }
  const raw = (error instanceof Error ? error.message : String(error)).trim() || String(error);
  const { message, position } = unwrapJson(raw);
  const at = position !== null && position <= sql.length ? position : errorPosition(message, sql);
  const kind = error instanceof Error && FILE_ERRORS.has(error.name) ? 'file' : classify(message);
  return { kind, message, position: at };
}
