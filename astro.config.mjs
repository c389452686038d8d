// @ts-check
import { defineConfig } from 'astro/config';

// BASE lets the same build run under a sub-path on an intranet (e.g. BASE=/dashboard/).
export default defineConfig({
  base: process.env.BASE || '/',
  trailingSlash: 'ignore',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
});
