// The vocabulary every sample shares: flows, customs partner codes, trade modes. A cluster's own products, places
// and streets are in its sample profile (profile.ts).
import type { ProfileProduct, SampleProfile } from './profile.ts';

export type Flow = 'import' | 'export';
export const FLOWS: Flow[] = ['import', 'export'];
export const FLOW_ZH: Record<Flow, string> = { import: '进口', export: '出口' };

/** Calibration families (keys of the profile's `families`): each 8-digit code follows the story of one. */
export type Family = string;

export type Product = ProfileProduct;

export const productsIn = (p: SampleProfile, year: number) => p.products.filter((x) => x.from <= year && year <= x.to);
export const productByCode = (p: SampleProfile, hs8: string) => p.products.find((x) => x.hs8 === hs8)!;

export interface Partner {
  code: string;
  name: string;
}

/** Customs 3-digit partner codes (../data/real/china-customs-country-codes). */
export const PARTNERS: Record<string, Partner> = Object.fromEntries(
  [
    ['110', '中国香港'],
    ['111', '印度'],
    ['115', '以色列'],
    ['116', '日本'],
    ['138', '阿联酋'],
    ['143', '台澎金马关税区'],
    ['204', '博茨瓦那'],
    ['244', '南非'],
    ['301', '比利时'],
    ['303', '英国'],
    ['307', '意大利'],
    ['331', '瑞士'],
    ['344', '俄罗斯联邦'],
    ['434', '秘鲁'],
    ['502', '美国'],
    ['601', '澳大利亚'],
  ].map(([code, name]) => [code, { code, name }]),
);

export interface TradeMode {
  code: string;
  name: string;
}

export const TRADE_MODES: Record<'general' | 'feedProcessing' | 'importedProcessing', TradeMode> = {
  general: { code: '10', name: '一般贸易' },
  /** Materials supplied by the foreign client: the classic cutting contract. */
  feedProcessing: { code: '14', name: '来料加工装配贸易' },
  importedProcessing: { code: '15', name: '进料加工贸易' },
};
export type ModeKey = keyof typeof TRADE_MODES;
export const MODE_KEYS: ModeKey[] = ['general', 'feedProcessing', 'importedProcessing'];

/** Extra modes used only to widen the benchmark file. */
export const BENCH_EXTRA_MODES: TradeMode[] = [
  { code: '33', name: '保税监管场所进出境货物' },
  { code: '34', name: '海关特殊监管区域物流货物' },
  { code: '19', name: '边境小额贸易' },
  { code: '39', name: '其他' },
  { code: '12', name: '其他捐赠物资' },
  { code: '16', name: '寄售代销贸易' },
  { code: '23', name: '租赁贸易' },
  { code: '27', name: '出料加工贸易' },
  { code: '30', name: '易货贸易' },
];
