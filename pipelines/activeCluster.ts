// Which cluster a build describes, chosen by one setting: CLUSTER unset → the default cluster (data/cluster.json
// with its extracts in data/raw/); CLUSTER=<id> → data/clusters/<id>/cluster.json with data/clusters/<id>/raw/.
// The pipeline CLI, the sample generator and the site build (astro.config.mjs) all ask this module, so the three
// can never describe different clusters.
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface ClusterLocation {
  /** "default" for data/cluster.json, else the folder name under data/clusters/. */
  id: string;
  /** The cluster's folder: where cluster.json, raw/ and sample-profile.json live. */
  dir: string;
  configPath: string;
  rawDir: string;
  /** How the sample generator tells this cluster's synthetic story (products, firms, calibration). */
  sampleProfilePath: string;
  /** The plan's measures, indicators and targets that the policy tracker follows (src/lib/policy.ts). */
  policyPath: string;
  /** Code tables shared by every cluster (HS, GB/T 4754, divisions, countries, rates). */
  referenceDir: string;
}

export class UnknownClusterError extends Error {}

/** Every cluster configuration shipped beside the default one. */
export function listClusters(root = '.'): string[] {
  const dir = join(root, 'data', 'clusters');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'cluster.json')))
    .map((d) => d.name)
    .sort();
}

/** The active cluster's files. `root` is the project folder; paths come back relative to it when it is ".". */
export function locateCluster(name: string | undefined = process.env.CLUSTER, root = '.'): ClusterLocation {
  const referenceDir = join(root, 'data', 'reference');
  const id = (name ?? '').trim();
  if (id === '' || id === 'default') {
    const dir = join(root, 'data');
    return { id: 'default', dir, configPath: join(dir, 'cluster.json'), rawDir: join(dir, 'raw'), sampleProfilePath: join(dir, 'sample-profile.json'), policyPath: join(dir, 'policy.json'), referenceDir };
  }
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) throw new UnknownClusterError(`CLUSTER="${id}": use the name of a folder under data/clusters/ (lower-case letters, digits, -)`);
  const dir = join(root, 'data', 'clusters', id);
  const configPath = join(dir, 'cluster.json');
  if (!existsSync(configPath)) {
    const known = listClusters(root);
    throw new UnknownClusterError(`CLUSTER="${id}": ${resolve(configPath)} does not exist (known: default${known.map((k) => `, ${k}`).join('')})`);
  }
  return { id, dir, configPath, rawDir: join(dir, 'raw'), sampleProfilePath: join(dir, 'sample-profile.json'), policyPath: join(dir, 'policy.json'), referenceDir };
}
