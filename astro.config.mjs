// @ts-check
import { defineConfig } from 'astro/config';

// BASE lets the same build run under a sub-path on an intranet (e.g. BASE=/dashboard/).
export default defineConfig({
  base: process.env.BASE || '/',
  trailingSlash: 'ignore',
  // Stylesheets and scripts as files, never inline, so a strict Content-Security-Policy (no 'unsafe-inline') holds.
  build: { format: 'directory', inlineStylesheets: 'never' },
  vite: { build: { assetsInlineLimit: 0 } },
  devToolbar: { enabled: false },
});
