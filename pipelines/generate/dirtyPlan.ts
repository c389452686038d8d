// Which dirty rows go where, and how many: a realistic sprinkle, a handful per kind. DIRTY.md describes the
// same plan for people; data/raw/dirty_rows.json lists the resulting lines for the pipeline's tests.
import { makeUscc } from '../lib/uscc.ts';
import type { DirtyPlanter, Defect } from './dirty.ts';
import { PATHS, samplePaths, type SamplePaths } from './sources.ts';
import type { SampleContext } from './profile.ts';
import type { CsvTable } from './tables.ts';
import type { Rng } from './prng.ts';

type Find = (path: string) => CsvTable | undefined;

const truncate = (s: string) => s.slice(0, 17);
const lengthen = (s: string) => `${s}1`;
/** Alternates between two spellings of a defect so both forms appear. */
const alternate = (a: (s: string) => string, b: (s: string) => string) => {
  let i = 0;
  return (s: string) => (i++ % 2 === 0 ? a(s) : b(s));
};
const dropLastCell = (row: string[]) => row.slice(0, -1);

/** Counts per file and kind; tests compare the manifest against these. */
export const dirtyPlanFor = (PATHS: SamplePaths): Record<string, Partial<Record<string, number>>> => ({
  [PATHS.registryLicence]: { uscc_check_failed: 3, uscc_malformed: 2, duplicate: 2, date_unparseable: 2, status_unknown: 2, capital_unparseable: 1, column_count: 1, conflict: 1 },
  [PATHS.enterpriseCsv]: { uscc_malformed: 2, firm_id_missing: 1, duplicate: 3, hs_unknown: 2, quantity_negative: 2, period_unparseable: 2, value_unparseable: 1, column_count: 1 },
  [PATHS.nationalExport]: { duplicate: 2, hs_unknown: 1, quantity_negative: 1, period_unparseable: 1, value_unparseable: 1, column_count: 1 },
  [PATHS.provinceImport]: { period_unparseable: 1, value_unparseable: 1 },
  [PATHS.headcount]: { duplicate: 2, persons_unparseable: 1, year_unparseable: 1, uscc_malformed: 1, conflict: 2 },
});

/** The default cluster's plan (the committed data/raw sample). */
export const DIRTY_PLAN = dirtyPlanFor(PATHS);

export function plantDirtyRows(ctx: SampleContext, planter: DirtyPlanter, find: Find, failedCheckUsccs: string[], rng: Rng): void {
  const PATHS = samplePaths(ctx.profile.files);
  const area = ctx.cluster.regions.find((r) => r.level === 'district')!.code;
  const unknownHs = ctx.profile.unknownHsCode;
  const registry = find(PATHS.registryLicence);
  if (registry) {
    for (const row of registry.rows) if (failedCheckUsccs.includes(row[0])) planter.mark(registry, row, 'uscc_check_failed', '统一社会信用代码');
    // A registry row with a bad date or status is a firm of its own: a fresh USCC keeps it from shadowing a clean firm.
    const used = new Set(registry.rows.map((r) => r[0]));
    const freshUscc = () => {
      for (;;) {
        const body = String(rng.int(10000000, 99999999)) + String(rng.int(0, 9));
        const u = makeUscc('9', '1', area, body);
        if (!used.has(u)) return used.add(u), u;
      }
    };
    const asNewFirm = (col: number, text: (i: number) => string) => {
      let i = 0;
      return (row: string[]) => {
        const r = [...row];
        r[0] = freshUscc();
        r[col] = text(i++);
        return r;
      };
    };
    const h = registry.header;
    plant(planter, registry, { kind: 'uscc_malformed', column: '统一社会信用代码', value: alternate(truncate, lengthen) }, 2);
    plant(planter, registry, { kind: 'duplicate', edit: (r) => r }, 2);
    plant(planter, registry, { kind: 'date_unparseable', column: '成立日期', edit: asNewFirm(h.indexOf('成立日期'), (i) => ['2013-13-01', '20131'][i % 2]) }, 2);
    plant(planter, registry, { kind: 'status_unknown', column: '登记状态', edit: asNewFirm(h.indexOf('登记状态'), (i) => ['待核实', '正常（示例）'][i % 2]) }, 2);
    plant(planter, registry, { kind: 'capital_unparseable', column: '注册资本', edit: asNewFirm(h.indexOf('注册资本'), () => '面议') }, 1);
    plant(planter, registry, { kind: 'column_count', edit: dropLastCell }, 1);
  }

  const enterprise = find(PATHS.enterpriseCsv);
  if (enterprise) {
    plant(planter, enterprise, { kind: 'uscc_malformed', column: '统一社会信用代码', value: alternate(truncate, lengthen) }, 2);
    plant(planter, enterprise, {
      kind: 'firm_id_missing',
      edit: (r) => r.map((c, i) => (i === 1 || i === 2 ? '' : c)),
    }, 1);
    plant(planter, enterprise, { kind: 'duplicate', edit: (r) => r }, 3);
    plant(planter, enterprise, { kind: 'hs_unknown', column: '商品编码', value: () => unknownHs }, 2);
    plant(planter, enterprise, { kind: 'quantity_negative', column: '数量', value: (s) => `-${s}` }, 2);
    plant(planter, enterprise, { kind: 'period_unparseable', column: '数据年月', value: alternate(() => '2013-13', () => '20131') }, 2);
    plant(planter, enterprise, { kind: 'value_unparseable', column: '美元', value: () => 'N/A' }, 1);
    plant(planter, enterprise, { kind: 'column_count', edit: dropLastCell }, 1);
  }

  const national = find(PATHS.nationalExport);
  if (national) {
    plant(planter, national, { kind: 'duplicate', edit: (r) => r }, 2);
    plant(planter, national, { kind: 'hs_unknown', column: '商品编码', value: () => `\t${unknownHs}` }, 1);
    plant(planter, national, { kind: 'quantity_negative', column: '第一数量', value: (s) => `-${s}` }, 1);
    plant(planter, national, { kind: 'period_unparseable', column: '数据年月', value: () => '2013-13' }, 1);
    plant(planter, national, { kind: 'value_unparseable', column: '美元', value: () => 'N/A' }, 1);
    plant(planter, national, { kind: 'column_count', edit: dropLastCell }, 1);
  }

  const province = find(PATHS.provinceImport);
  if (province) {
    plant(planter, province, { kind: 'period_unparseable', column: '数据年月', value: () => '20131' }, 1);
    plant(planter, province, { kind: 'value_unparseable', column: '美元', value: () => 'N/A' }, 1);
  }

  const headcount = find(PATHS.headcount);
  if (headcount) {
    plant(planter, headcount, { kind: 'duplicate', edit: (r) => r }, 2);
    plant(planter, headcount, { kind: 'persons_unparseable', column: '从业人员', value: () => '—' }, 1);
    plant(planter, headcount, { kind: 'year_unparseable', column: '年份', value: () => '20l9' }, 1);
    plant(planter, headcount, { kind: 'uscc_malformed', column: '统一社会信用代码', value: truncate }, 1);
  }
  plantRevisions(planter, registry, headcount);
}

/**
 * Revisions planted last, so the defects above keep their random draws: a registry record re-issued later (a later
 * 核准日期 and the firm deregistered) and corrected headcounts. Same key, different values: conflicts the pipeline
 * resolves (the later record or revision wins) and reports, never duplicates.
 */
function plantRevisions(planter: DirtyPlanter, registry: CsvTable | undefined, headcount: CsvTable | undefined) {
  if (registry) {
    const h = registry.header;
    plant(planter, registry, {
      kind: 'conflict',
      column: '核准日期',
      edit: (r) => r.map((c, i) => (i === h.indexOf('核准日期') ? '2025-11-28' : i === h.indexOf('登记状态') ? '注销' : c)),
    }, 1);
  }
  if (headcount) plant(planter, headcount, { kind: 'conflict', column: '从业人员', value: (s) => String(Math.round(Number(s) * 1.1) + 1) }, 2);
}

function plant(planter: DirtyPlanter, table: CsvTable, defect: Defect, count: number) {
  planter.plant(table, defect, count);
}
