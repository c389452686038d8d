// The whole sample, built in memory: firms → trade model → tables → dirty rows → bytes. No file I/O here,
// so tests can generate twice and compare, and the CLI only writes what this returns.
import { makeRng } from './prng.ts';
import { drawFirms, type Firm } from './firms.ts';
import { buildTradeModel, type TradeModel } from './trade.ts';
import { collapseModes, nationalRows, placeRows, statCsv, statWorkbook } from './customsStats.ts';
import { enterpriseCsv, enterpriseWorkbook, firmTradeRows, tradingPool } from './enterpriseCustoms.ts';
import { aggregatorWorkbook, licenceCsv } from './registry.ts';
import { assignScopes } from './scopes.ts';
import { headcountCsv, referenceTable, totalPersons, yearbookPersons, yearbookWorkbook } from './employment.ts';
import { benchCustomsTable } from './benchCustoms.ts';
import { comtradeCsv } from './comtrade.ts';
import { DirtyPlanter, breakCheckChar, type DirtyRow } from './dirty.ts';
import { plantDirtyRows } from './dirtyPlan.ts';
import { declarations, referenceYearbookPath, samplePaths } from './sources.ts';
import { defaultSampleContext, type SampleContext } from './profile.ts';
import { tableBytes, type CsvTable, type OutputTable } from './tables.ts';

export const DEFAULT_SEED = 20130701;

export interface GenerateOptions {
  /** Whose sample: the cluster's sample profile and configuration (default: the default cluster's). */
  context?: SampleContext;
  seed?: number;
  /** Multiplies the number of firms (and so registry, headcount and enterprise rows). */
  scale?: number;
  /** When set, the national import file is replaced by one benchmark file of about this many rows. */
  customsRows?: number;
  /** Encoding of the benchmark file. */
  encoding?: 'gbk' | 'utf-8';
}

export interface GeneratedSample {
  /** Relative path under the raw folder → file bytes. */
  files: Map<string, Buffer>;
  dirty: DirtyRow[];
  firms: Firm[];
  model: TradeModel;
  /** USCCs that fail the GB 32100 check on purpose (pilot-era codes: a warning, not an error). */
  failedCheckUsccs: string[];
}

/** Firms whose USCC fails the check digit: picked among licence-file firms so each shows up in one registry file. */
function plantFailedChecks(firms: Firm[]): string[] {
  const pick = [
    // Not the largest lead firm: the story's main firm should not carry a warning.
    firms.filter((f) => f.role === 'lead' && f.layout === 'licence' && Object.keys(f.staff).length).at(-1),
    ...firms.filter((f) => f.role === 'maker' && f.layout === 'licence').slice(3, 5),
  ].filter((f): f is Firm => !!f);
  for (const f of pick) f.uscc = breakCheckChar(f.uscc);
  return pick.map((f) => f.uscc);
}

export async function generateSample(opts: GenerateOptions = {}): Promise<GeneratedSample> {
  const seed = opts.seed ?? DEFAULT_SEED;
  const ctx = opts.context ?? defaultSampleContext();
  const profile = ctx.profile;
  const PATHS = samplePaths(profile.files);
  const rng = (topic: string) => makeRng(seed, topic);
  const firms = drawFirms(ctx, rng('firms'), opts.scale ?? 1);
  assignScopes(profile, firms, rng('scopes'));
  const failedCheckUsccs = plantFailedChecks(firms);
  const model = buildTradeModel(profile, rng('trade'), (family, year) => tradingPool(profile, firms, family, year).length > 0);

  const bench = opts.customsRows !== undefined;
  const customsRng = rng('customs');
  const tables: OutputTable[] = [
    bench
      ? benchCustomsTable(profile, model, 'import', opts.customsRows!, PATHS.nationalImportBench, opts.encoding ?? 'gbk', customsRng)
      : statCsv(nationalRows(profile, model, 'import', customsRng), { relPath: PATHS.nationalImport, dims: ['partner', 'mode'], currency: '美元', tabbed: 'hs' }),
    statCsv(nationalRows(profile, model, 'export', customsRng), { relPath: PATHS.nationalExport, dims: ['partner', 'mode'], currency: '美元', tabbed: 'hs' }),
    statCsv(placeRows(profile, model, 'import', 2010, 2017, customsRng, false), { relPath: PATHS.provinceImport, dims: ['mode', 'place'], currency: '美元', tabbed: ['place'] }),
    statWorkbook(placeRows(profile, model, 'import', 2018, 2025, customsRng, true), { relPath: PATHS.provinceImportXlsx, dims: ['partner', 'mode', 'place'], currency: '美元', tabbed: [] }),
    statCsv(collapseModes(placeRows(profile, model, 'export', 2010, 2017, customsRng, false)), { relPath: PATHS.provinceExportCny, dims: ['place'], currency: '人民币', tabbed: ['place'] }),
    statWorkbook(placeRows(profile, model, 'export', 2018, 2025, customsRng, true), { relPath: PATHS.provinceExportXlsx, dims: ['partner', 'mode', 'place'], currency: '美元', tabbed: [] }),
  ];

  const trade = firmTradeRows(profile, model, firms, rng('enterprise'));
  tables.push(enterpriseCsv(PATHS.enterpriseCsv, trade.filter((r) => r.cell.year <= 2019)));
  tables.push(enterpriseWorkbook(PATHS.enterpriseXlsx, trade.filter((r) => r.cell.year >= 2020)));

  const registryRng = rng('registry');
  tables.push(licenceCsv(profile, PATHS.registryLicence, firms, registryRng));
  tables.push(aggregatorWorkbook(profile, PATHS.registryAggregator, firms, registryRng));
  const districtPersons = yearbookPersons(profile, firms, rng('yearbook'));
  const withTotal = profile.yearbookTotal ? { 合计: totalPersons(profile.yearbookTotal, rng('yearbook-total')), ...districtPersons } : districtPersons;
  tables.push(yearbookWorkbook(ctx, PATHS.yearbook, withTotal));
  for (const ref of profile.referenceEmployment ?? []) tables.push(referenceTable(ctx, ref, referenceYearbookPath(ref.file), rng(`yearbook-${ref.level}`)));
  tables.push(headcountCsv(profile, PATHS.headcount, firms));
  if (profile.comtrade && ctx.cluster.sourceKinds?.includes('comtrade')) tables.push(comtradeCsv(profile.comtrade, rng('comtrade')));

  const planter = new DirtyPlanter(rng('dirty'));
  const csv = (path: string) => tables.find((t): t is CsvTable => t.relPath === path && t.format === 'csv');
  plantDirtyRows(ctx, planter, csv, failedCheckUsccs, rng('dirty-firms'));
  const dirty = planter.manifest();

  const files = new Map<string, Buffer>();
  for (const t of tables) files.set(t.relPath, await tableBytes(t));
  files.set('sources.json', Buffer.from(JSON.stringify({ sources: declarations(ctx, { bench }) }, null, 2) + '\n'));
  files.set('dirty_rows.json', Buffer.from(JSON.stringify({
    $comment: 'Rows planted on purpose by pipelines/generate (see DIRTY.md): file, line, kind and the quarantine rule the pipeline should apply (null = load with a warning).',
    failedCheckUsccs,
    rows: dirty,
  }, null, 2) + '\n'));
  return { files, dirty, firms, model, failedCheckUsccs };
}
