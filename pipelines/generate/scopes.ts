// Business scopes (经营范围) per firm: the industry's usual scope, plus the phrases the profile adds by role (and
// name word) with a chance, so the registry tells processing firms and supporting services apart by keyword as the
// real one does (a jewelry maker that also cuts diamonds writes 钻石加工 in its scope). Drawn from its own random
// stream after the firms, so adding a phrase changes no other extract.
import type { Firm } from './firms.ts';
import type { SampleProfile } from './profile.ts';
import type { Rng } from './prng.ts';

export function assignScopes(p: SampleProfile, firms: Firm[], rng: Rng): void {
  for (const f of firms) {
    const base = p.industries[f.industry].scope;
    const adds = (p.scopeAdditions ?? []).filter((a) => a.role === f.role && (!a.nameWord || f.name.includes(a.nameWord)) && rng.chance(a.chance));
    f.scope = [base, ...adds.map((a) => a.text)].join('；');
  }
}
