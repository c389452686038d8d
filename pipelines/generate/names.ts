// Fictional names. Every firm name carries 示例 and every legal representative is 示例 + a surname, so no
// name in the sample can be mistaken for (or coincide with) a real company or person.
import type { Rng } from './prng.ts';

const FIRST = ['金', '瑞', '华', '恒', '兴', '嘉', '宝', '德', '信', '宏', '源', '丰', '润', '泰', '达', '裕', '隆', '鸿', '骏', '晶', '明', '新', '荣', '辰'];
const SECOND = ['辉', '盛', '美', '光', '彩', '艺', '耀', '创', '诚', '峰', '禾', '川', '逸', '朗', '晟', '昊', '源', '汇', '钰', '琪'];
const SURNAMES = ['陈', '李', '黄', '张', '梁', '何', '吴', '林', '罗', '郑', '王', '刘', '谢', '冯', '邓', '麦', '潘', '杨'];

/** A trade-name (字号) not used before; the set is shared so names stay unique across roles. */
export function tradeName(rng: Rng, used: Set<string>): string {
  for (let attempt = 0; attempt < 1000; attempt++) {
    const n = rng.pick(FIRST) + rng.pick(SECOND) + (attempt > 20 ? rng.pick(SECOND) : '');
    if (!used.has(n)) {
      used.add(n);
      return n;
    }
  }
  throw new Error('ran out of trade names: widen the word lists');
}

/** A full registered name: prefix, 示例 marker, trade name, industry words, legal form. */
export function firmName(prefixes: { long: string; short: string; longShare: number }, rng: Rng, trade: string, industryWord: string, legalForm: string): string {
  const prefix = rng.chance(prefixes.longShare) ? prefixes.long : prefixes.short;
  return `${prefix}示例${trade}${industryWord}${legalForm}`;
}

export function legalRepresentative(rng: Rng): string {
  return `示例${rng.pick(SURNAMES)}`;
}

/** Landline numbers in an unassigned <area>-0000 block: unmistakably fake, and never mobile-shaped. */
export function fakeLandline(area: string, serial: number): string {
  return `${area}-0000${String(serial % 10000).padStart(4, '0')}`;
}

/** example.invalid is reserved (RFC 2606): it can never reach a mailbox. */
export function fakeEmail(serial: number): string {
  return `sample${serial}@example.invalid`;
}
