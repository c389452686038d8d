// The trade explorer's state in the address (/trade/?group=natural_polished&flow=export#trade-explorer): which
// HS group and which flow the chart shows. Pure, so the page script and the tests read it the same way; values
// not offered fall back to the default, so an edited or stale link still shows a chart.

import { cluster } from './cluster.ts';

export const TRADE_FLOWS = ['total', 'import', 'export'] as const;
export type TradeFlow = (typeof TRADE_FLOWS)[number];

export interface TradeChoice {
  group: string;
  flow: TradeFlow;
}

/** The cluster's total group (all its headline products), both flows. */
export const DEFAULT_TRADE_CHOICE: TradeChoice = { group: cluster.totalGroup.id, flow: 'total' };

export function parseTradeChoice(search: string, groups: readonly string[], fallback: TradeChoice = DEFAULT_TRADE_CHOICE): TradeChoice {
  const p = new URLSearchParams(search);
  const group = p.get('group') ?? '';
  const flow = p.get('flow') ?? '';
  return {
    group: groups.includes(group) ? group : fallback.group,
    flow: (TRADE_FLOWS as readonly string[]).includes(flow) ? (flow as TradeFlow) : fallback.flow,
  };
}

/** The query string for a choice, keeping the address's other parameters; the default choice adds nothing. */
export function tradeChoiceSearch(search: string, c: TradeChoice, fallback: TradeChoice = DEFAULT_TRADE_CHOICE): string {
  const p = new URLSearchParams(search);
  p.delete('group');
  p.delete('flow');
  if (c.group !== fallback.group || c.flow !== fallback.flow) {
    p.set('group', c.group);
    p.set('flow', c.flow);
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** The id of the pre-rendered chart for a choice: charts/<lang>/trade-share-<group>-<flow>.svg. */
export function tradeChoiceId(c: TradeChoice): string {
  return `trade-share-${c.group}-${c.flow}`;
}
