// 登记状态 / 经营状态 as registries and aggregators write it ("存续（在营、开业、在册）", "吊销，未注销", "注销") reduced
// to the few states the dashboard counts. It runs while landing; the staging SQL quarantines what it returns
// null for (rule status_unknown), so the words live in this one place.

export type RegistryStatus =
  /** Operating: 存续, 在营, 开业, 在册, 在业. */
  | 'active'
  /** Licence revoked (吊销) but the firm not yet deregistered: closed in practice. */
  | 'revoked'
  /** Deregistered (注销): the firm no longer exists. */
  | 'deregistered'
  /** Moved its registration out of the district (迁出). */
  | 'moved_out'
  /** Closed or closing in another way: 撤销 (registration cancelled), 停业 (suspended), 清算 (in liquidation). */
  | 'other';

// Order matters: "吊销，已注销" is deregistered, "吊销，未注销" is revoked, "存续（清算中）" is not active.
const RULES: [RegExp, RegistryStatus][] = [
  [/(?<!未)注销/, 'deregistered'],
  [/吊销/, 'revoked'],
  [/迁出/, 'moved_out'],
  [/撤销|停业|清算/, 'other'],
  [/存续|在营|开业|在册|在业/, 'active'],
];

/** The state a status text stands for, or null when it is empty or not one of the known words. */
export function normaliseRegistryStatus(text: string | null | undefined): RegistryStatus | null {
  const s = (text ?? '').replace(/[\s\u3000]/g, '');
  if (!s) return null;
  return RULES.find(([re]) => re.test(s))?.[1] ?? null;
}
