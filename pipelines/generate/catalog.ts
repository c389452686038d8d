// The vocabulary of the sample: commodity codes, partners, trade modes, customs places, Panyu streets.
// Names follow the real code lists (customs partner codes, GB/T 4754, NBS street names); the 5-digit
// 注册地 codes are made up because the real list could not be verified.

export type Flow = 'import' | 'export';
export const FLOWS: Flow[] = ['import', 'export'];
export const FLOW_ZH: Record<Flow, string> = { import: '进口', export: '出口' };

/** Calibration families: each 8-digit code follows the story of one of these. */
export type Family = 'natural' | 'industrial' | 'labGrown' | 'jewelry';

export interface Product {
  hs8: string;
  /** Name as the customs query platform prints it. */
  name: string;
  unit: '克拉' | '千克';
  family: Family;
  /** First and last year the code exists (HS 2022 moved lab-grown diamonds out of 7104.20 / 7104.90). */
  from: number;
  to: number;
  /** Main codes get a partner × trade-mode breakdown; minor ones a single row per month. */
  main: boolean;
}

export const PRODUCTS: Product[] = [
  { hs8: '71021000', name: '未分级的钻石', unit: '克拉', family: 'natural', from: 2010, to: 2025, main: false },
  { hs8: '71022100', name: '未加工或经简单锯开、劈开或粗磨的工业用钻石', unit: '克拉', family: 'industrial', from: 2010, to: 2025, main: false },
  { hs8: '71022900', name: '其他工业用钻石', unit: '克拉', family: 'industrial', from: 2010, to: 2025, main: false },
  { hs8: '71023100', name: '未加工或经简单锯开、劈开或粗磨的非工业用钻石', unit: '克拉', family: 'natural', from: 2010, to: 2025, main: true },
  { hs8: '71023900', name: '其他非工业用钻石', unit: '克拉', family: 'natural', from: 2010, to: 2025, main: true },
  { hs8: '71042000', name: '未加工或经简单锯开或粗制成形的合成或再造宝石', unit: '克拉', family: 'labGrown', from: 2010, to: 2021, main: true },
  { hs8: '71049000', name: '其他合成或再造的宝石或半宝石', unit: '克拉', family: 'labGrown', from: 2010, to: 2021, main: true },
  { hs8: '71042100', name: '未加工或经简单锯开或粗制成形的培育钻石', unit: '克拉', family: 'labGrown', from: 2022, to: 2025, main: true },
  { hs8: '71049100', name: '其他培育钻石', unit: '克拉', family: 'labGrown', from: 2022, to: 2025, main: true },
  { hs8: '71131911', name: '镶嵌钻石的黄金制首饰及其零件', unit: '千克', family: 'jewelry', from: 2010, to: 2025, main: true },
  { hs8: '71131919', name: '其他黄金制首饰及其零件', unit: '千克', family: 'jewelry', from: 2010, to: 2025, main: true },
  { hs8: '71132000', name: '以贱金属为底的包贵金属制首饰及其零件', unit: '千克', family: 'jewelry', from: 2010, to: 2025, main: false },
];

export const productsIn = (year: number) => PRODUCTS.filter((p) => p.from <= year && year <= p.to);
export const productByCode = (hs8: string) => PRODUCTS.find((p) => p.hs8 === hs8)!;

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
    ['344', '俄罗斯联邦'],
    ['502', '美国'],
  ].map(([code, name]) => [code, { code, name }]),
);

/** Partners per family and flow with their weights: rough comes from producers and Antwerp/Dubai, polished goes to Hong Kong. */
export const PARTNER_MIX: Record<Family, Record<Flow, [string, number][]>> = {
  natural: {
    import: [['301', 30], ['138', 20], ['344', 15], ['244', 10], ['204', 8], ['111', 10], ['115', 7], ['110', 10]],
    export: [['110', 55], ['111', 12], ['115', 10], ['301', 8], ['138', 7], ['502', 8]],
  },
  industrial: {
    import: [['244', 30], ['344', 30], ['301', 20], ['116', 20]],
    export: [['110', 40], ['116', 30], ['502', 30]],
  },
  labGrown: {
    import: [['111', 60], ['110', 25], ['502', 15]],
    export: [['111', 55], ['110', 25], ['502', 12], ['138', 8]],
  },
  jewelry: {
    import: [['110', 50], ['138', 20], ['303', 15], ['143', 15]],
    export: [['110', 45], ['502', 25], ['138', 15], ['303', 15]],
  },
};

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

export interface CustomsPlace {
  code: string;
  name: string;
  /** True for the place the district's own firms declare under. */
  district?: boolean;
}

/** SYNTHETIC 注册地 codes: 4401x = Guangzhou, other 44xxx = other Guangdong cities. */
export const PLACES = {
  panyu: { code: '44011', name: '广州番禺', district: true },
  guangzhouOther: { code: '44019', name: '广州其他' },
  shenzhen: { code: '44031', name: '深圳特区' },
  dongguan: { code: '44191', name: '东莞' },
} satisfies Record<string, CustomsPlace>;

/** Panyu streets and towns (NBS codes in ../data/real/china-admin-divisions-gbt2260) with sample road names. */
export const STREETS: { name: string; roads: string[]; weight: number }[] = [
  { name: '沙湾街', roads: ['沙湾珠宝产业园福龙路', '沙湾珠宝产业园兴业大道', '市良路'], weight: 30 },
  { name: '沙头街', roads: ['大罗塘银平路', '大罗塘新桥路', '横江路'], weight: 22 },
  { name: '石碁镇', roads: ['市莲路', '石碁大道', '亚运大道'], weight: 12 },
  { name: '南村镇', roads: ['万博二路', '万博四路', '兴南大道'], weight: 12 },
  { name: '市桥街', roads: ['繁华路', '光明北路', '清河东路'], weight: 12 },
  { name: '东环街', roads: ['迎宾路', '番禺大道北'], weight: 5 },
  { name: '大石街', roads: ['朝阳东路', '石北路'], weight: 4 },
  { name: '钟村街', roads: ['汉兴中路'], weight: 3 },
];
