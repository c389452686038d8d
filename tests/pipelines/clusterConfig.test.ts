import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadClusterConfig, parseClusterConfig, ConfigError } from '../../pipelines/config.ts';

const text = readFileSync('data/cluster.json', 'utf8');
const edited = (edit: (c: Record<string, any>) => void) => {
  const c = JSON.parse(text);
  edit(c);
  return JSON.stringify(c);
};

test('both shipped clusters are valid configurations', () => {
  assert.equal(loadClusterConfig('data/cluster.json').totalGroup.id, 'diamonds');
  assert.equal(loadClusterConfig('data/clusters/shuibei-gold/cluster.json').totalGroup.id, 'gold_jewelry');
});

test('what the site reads is checked with the pipeline, naming the file and the field', () => {
  const bad: [string, (c: Record<string, any>) => void, RegExp][] = [
    ['no site texts', (c) => delete c.site, /x\.json: "site" needs "title"/],
    ['no word for the total', (c) => delete c.totalGroup.noun, /"totalGroup" needs "noun"/],
    ['total group in no slug', (c) => (c.totalGroup.slug = 'Dia-mond'), /"totalGroup" needs an id and a slug/],
    ['total sums an unknown group', (c) => c.totalGroup.groups.push('nope'), /totalGroup\.groups: unknown group "nope"/],
    ['unknown headline group', (c) => c.headlineGroups.push('nope'), /headlineGroups: unknown group "nope"/],
    ['no core industry label', (c) => delete c.indicators.coreIndustry, /"indicators" needs "coreIndustry"/],
  ];
  for (const [what, edit, message] of bad) assert.throws(() => parseClusterConfig(edited(edit), 'x.json'), (e: Error) => e instanceof ConfigError && message.test(e.message), what);
});

test('the processing-trade and customs-place blocks are checked, naming the field', () => {
  const bad: [string, (c: Record<string, any>) => void, RegExp][] = [
    ['no chains', (c) => (c.processingTrade.chains = []), /"processingTrade\.chains" must list at least one chain/],
    ['a chain cut from an unknown group', (c) => (c.processingTrade.chains[0].rough = 'nope'), /processingTrade\.chains\.natural: unknown group "nope"/],
    ['a chain without an English name', (c) => delete c.processingTrade.chains[1].name.en, /processingTrade\.chains: "lab_grown" needs an id/],
    ['a focus that is no chain', (c) => (c.processingTrade.focusChain = 'gold'), /processingTrade\.focusChain "gold" is not one of its chains/],
    ['a rival that is no partner code', (c) => (c.processingTrade.rivalPartner.code = 'IND'), /rivalPartner\.code must be a 3-digit customs partner code/],
    ['a place without a name', (c) => delete c.customsPlaces.places[0].name, /customsPlaces: "44011" needs a code and a name/],
  ];
  for (const [what, edit, message] of bad) assert.throws(() => parseClusterConfig(edited(edit), 'x.json'), (e: Error) => e instanceof ConfigError && message.test(e.message), what);
  // Both blocks are optional: a cluster without them is valid (and publishes none of their marts).
  assert.doesNotThrow(() => parseClusterConfig(edited((c) => { delete c.processingTrade; delete c.customsPlaces; }), 'x.json'));
});
