#!/usr/bin/env node
// Astro's command line as every npm script runs it (`npm run build`, `dev`, `preview`): with Astro's anonymous
// telemetry and its dev-server update check turned off, so no run of this project reaches another host unless
// the user asks. Environment variables rather than `astro telemetry disable`, which writes to the user's home
// and so would hold only for one user on one machine. Astro reads its arguments from process.argv as usual.
process.env.ASTRO_TELEMETRY_DISABLED = '1';
process.env.ASTRO_DISABLE_UPDATE_CHECK = 'true';
await import(new URL('../node_modules/astro/astro.js', import.meta.url).href);
