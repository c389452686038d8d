// The schema of data/raw/sources.json, and its reading. Every extract is declared there, and the declaration
// reaches the catalog, the site's source list (its `url` becomes a link) and the staging rules (`asOf` bounds the
// dates an extract may hold), so it is checked whole before any file is read: a wrong field stops the run with a
// message naming the entry (index and id) and the field, instead of a crash or a silently ignored value.
import { z } from 'zod/v4';
import { StructuralError } from './sources/types.ts';

const FILE = 'sources.json';

/** A real calendar date written YYYY-MM-DD (2025-02-30 is not one). */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

/** Today on the build machine's calendar, YYYY-MM-DD: an as-of date later than this is a typo. */
export function localToday(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** Only web addresses: the site turns `url` into a link, and a `javascript:` or `data:` one would run when clicked. */
function isWebUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return (u.protocol === 'http:' || u.protocol === 'https:') && /^https?:\/\//i.test(s);
  } catch {
    return false;
  }
}

/** A path inside the raw folder, written with "/": no absolute path, no "..", no "." segment. */
function isRawPath(s: string): boolean {
  if (s.startsWith('/') || s.includes('\\') || /^[a-z]:/i.test(s)) return false;
  const segments = s.replace(/\/$/, '').split('/');
  return segments.every((seg) => seg !== '' && seg !== '.' && seg !== '..');
}

const text = z.string().min(1);

function declarationSchema(today: string) {
  return z.strictObject({
    /** Glob-free path (relative to the raw folder) or a folder prefix ending in "/". */
    path: text.refine(isRawPath, { message: 'must be relative to the raw folder, with "/" between folders and no ".." (e.g. "customs_stats/" or "registry/extract.csv")' }),
    id: text,
    title: z.strictObject({ zh: text, en: text }),
    publisher: text,
    licence: text,
    /** True when the rows are made up by the sample generator: every derived figure is marked 示例数据. */
    synthetic: z.boolean(),
    /** Date the data describes up to (YYYY-MM-DD): the catalog's as-of date, and the latest date a row may hold. */
    asOf: z
      .string()
      .refine(isIsoDate, { message: 'must be a date YYYY-MM-DD', abort: true })
      .refine((d) => d <= today, { error: (iss) => `${iss.input} is after today (${today}): the data cannot describe the future` })
      .optional(),
    /** Trade flow of a customs file whose rows carry no 进出口 column. */
    flow: z.enum(['import', 'export']).optional(),
    url: z.string().refine(isWebUrl, { message: 'must be an http:// or https:// address' }).optional(),
    notes: z.string().optional(),
  });
}

function fileSchema(today: string) {
  return z.object({
    sources: z.array(declarationSchema(today)).superRefine((list, ctx) => {
      // One id per source (quarantine rows and the catalog name it) and one declaration per path (else which
      // declaration covers a file would depend on their order).
      for (const field of ['id', 'path'] as const) {
        const first = new Map<string, number>();
        for (const [i, d] of list.entries()) {
          const j = first.get(d[field]);
          if (j === undefined) first.set(d[field], i);
          else ctx.addIssue({ code: 'custom', path: [i, field], message: `the same ${field} as sources[${j}]: each ${field} must be declared once` });
        }
      }
    }),
  });
}

/** A declared extract: one entry of sources.json. */
export type SourceDeclaration = z.infer<ReturnType<typeof declarationSchema>>;

const show = (v: unknown): string => {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
};

const EXPECTED: Record<string, string> = { string: 'must be text', boolean: 'must be true or false', object: 'must be an object', array: 'must be a list' };

function describe(issue: z.core.$ZodIssue): string[] {
  const got = 'input' in issue && issue.input !== undefined ? ` (got ${show(issue.input)})` : '';
  switch (issue.code) {
    case 'invalid_type':
      return [issue.input === undefined ? 'required' : `${EXPECTED[issue.expected] ?? `must be ${issue.expected}`}${got}`];
    case 'invalid_value':
      return [`must be one of ${issue.values.map((v) => show(v)).join(', ')}${got}`];
    case 'too_small':
      return ['must not be empty'];
    default:
      return [`${issue.message}${got}`];
  }
}

/** "sources[3] (id "kp") "flow"": where in the file a problem is. */
function locate(path: PropertyKey[], data: unknown): string {
  if (path[0] !== 'sources') return '';
  if (path.length === 1) return '"sources"';
  const i = path[1] as number;
  const entry = (data as { sources: unknown[] }).sources[i];
  const id = entry && typeof entry === 'object' && typeof (entry as { id?: unknown }).id === 'string' ? ` (id ${show((entry as { id: string }).id)})` : '';
  const field = path.slice(2).join('.');
  return `sources[${i}]${id}${field ? ` "${field}"` : ''}`;
}

/**
 * The text of sources.json from its bytes: UTF-8 (with or without a BOM), or UTF-16 with a BOM, as Windows
 * Notepad saves "Unicode". Anything else is refused rather than read with replacement characters in the titles.
 */
export function declarationsText(bytes: Uint8Array): string {
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  try {
    return new TextDecoder(utf16 ?? 'utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new StructuralError(FILE, 'is not UTF-8 text: save it as UTF-8');
  }
}

/**
 * Reads the text of sources.json (a BOM is allowed: Windows editors write one) and checks it against the schema.
 * `today` bounds the as-of dates. Throws a StructuralError listing every problem.
 */
export function parseDeclarations(json: string, today: string): SourceDeclaration[] {
  let data: unknown;
  try {
    data = JSON.parse(json.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new StructuralError(FILE, `not valid JSON: ${(e as Error).message}`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data) || !('sources' in data)) throw new StructuralError(FILE, 'expected {"sources": [...]}');
  const r = fileSchema(today).safeParse(data, { reportInput: true });
  // The entries as written (same key order): the schema only checks them.
  if (r.success) return (data as { sources: SourceDeclaration[] }).sources;
  const problems: string[] = [];
  for (const issue of r.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) problems.push(`${locate([...issue.path, key], data)}: unknown field (a declaration has ${Object.keys(declarationSchema(today).shape).join(', ')})`);
    } else {
      for (const d of describe(issue)) problems.push(`${locate(issue.path, data)}: ${d}`);
    }
  }
  const MAX = 20;
  const listed = problems.slice(0, MAX).concat(problems.length > MAX ? [`… and ${problems.length - MAX} more`] : []);
  throw new StructuralError(FILE, problems.length === 1 ? listed[0] : `${problems.length} problems:\n  ${listed.join('\n  ')}`);
}
