// INSTALL and LOAD of a DuckDB extension in the workbench. The workbench runs offline under a policy that refuses
// every other host, and autoinstall/autoload are off, so no extension can arrive: yet duckdb-wasm answers
// `INSTALL httpfs` with success (it only records the wish), which tells the reader something was installed. Such
// statements are therefore refused before they run, with an explanation that extensions are disabled here.

/** A statement that would install, load or update an extension, and where it starts in the query text. */
export interface ExtensionStatement {
  /** The statement as written (whitespace collapsed, at most 80 characters), e.g. "INSTALL httpfs". */
  text: string;
  /** Offset of the statement's first keyword in the query. */
  position: number;
}

const EXTENSION_STATEMENT = /^(?:FORCE\s+)?INSTALL\b|^LOAD\b|^UPDATE\s+EXTENSIONS\b/i;

/**
 * The query's statements, split at semicolons outside strings, quoted names and comments, each with comments
 * blanked out (so "-- INSTALL x" or 'INSTALL' in a string is not a statement) and the offset where it starts.
 */
function statements(sql: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let current = '';
  let start = 0;
  let i = 0;
  const flush = (end: number) => {
    const lead = current.length - current.trimStart().length;
    if (current.trim()) out.push({ text: current.trim(), start: start + lead });
    current = '';
    start = end + 1;
  };
  while (i < sql.length) {
    const c = sql[i];
    if (c === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      const stop = end < 0 ? sql.length : end;
      current += ' '.repeat(stop - i);
      i = stop;
    } else if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      const stop = end < 0 ? sql.length : end + 2;
      current += ' '.repeat(stop - i);
      i = stop;
    } else if (c === "'" || c === '"') {
      // A doubled quote inside is an escaped one; the literal runs to the next single quote.
      let j = i + 1;
      while (j < sql.length && !(sql[j] === c && sql[j + 1] !== c)) j += sql[j] === c ? 2 : 1;
      current += sql.slice(i, j + 1);
      i = j + 1;
    } else if (c === ';') {
      flush(i);
      i++;
    } else {
      current += c;
      i++;
    }
  }
  flush(sql.length);
  return out;
}

/** The first statement of the query that installs, loads or updates an extension, or null when there is none. */
export function extensionStatement(sql: string): ExtensionStatement | null {
  for (const s of statements(sql)) {
    if (!EXTENSION_STATEMENT.test(s.text)) continue;
    const text = s.text.replace(/\s+/g, ' ');
    return { text: text.length > 80 ? `${text.slice(0, 79)}…` : text, position: s.start };
  }
  return null;
}

/** Thrown instead of running such a statement; describeError (queryError.ts) gives it its own kind. */
export class ExtensionsDisabledError extends Error {
  constructor(readonly statement: ExtensionStatement) {
    super(statement.text);
    this.name = 'ExtensionsDisabledError';
  }
}
