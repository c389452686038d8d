// @ts-check
import { defineConfig } from 'astro/config';
import { resolve } from 'node:path';
import { locateCluster } from './pipelines/activeCluster.ts';
import { searchIndexIntegration } from './scripts/searchIndex.ts';

// CLUSTER=<id> builds the site of data/clusters/<id>/ (the pipeline reads the same setting): src/lib/cluster.ts
// imports '#cluster-config', which tsconfig points at the default data/cluster.json and this alias at the active one.
const cluster = locateCluster();
const clusterConfig = resolve(cluster.configPath);
// The policy tracker's plan lives beside the cluster's configuration (src/lib/policy.ts imports '#policy-config');
// POLICY_CONFIG=<file> renders the tracker from another plan (a draft's targets; the test that a changed target
// reaches the page).
const policyConfig = resolve(process.env.POLICY_CONFIG || cluster.policyPath);

// BASE lets the same build run under a sub-path on an intranet (e.g. BASE=/dashboard/).
export default defineConfig({
  base: process.env.BASE || '/',
  // PUBLIC_DIR builds from another static folder (with the pipeline's output in its data/), so a second cluster can
  // be built beside the default one without touching public/data; read it with PUBLISHED_DATA_DIR=<that>/data.
  publicDir: process.env.PUBLIC_DIR || './public',
  trailingSlash: 'ignore',
  // Stylesheets and scripts as files, never inline, so a strict Content-Security-Policy (no 'unsafe-inline') holds.
  build: { format: 'directory', inlineStylesheets: 'never' },
  vite: { build: { assetsInlineLimit: 0 }, resolve: { alias: { '#cluster-config': clusterConfig, '#policy-config': policyConfig } } },
  devToolbar: { enabled: false },
  // The static search index (dist/pagefind/) is written after every build, into whatever --outDir the build used.
  integrations: [searchIndexIntegration()],
});
