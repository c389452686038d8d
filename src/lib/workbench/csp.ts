// The workbench page's Content-Security-Policy. 'wasm-unsafe-eval' lets DuckDB's WebAssembly compile; blob:
// workers carry this policy into the DuckDB worker; connect-src 'self' is what stops SQL such as
// read_csv('http://other-host/…') from reaching the network; 'unsafe-inline' styles are needed because
// CodeMirror and Observable Plot inject <style> elements and style attributes (no inline script is allowed).
export const WORKBENCH_CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "object-src 'none'",
  "base-uri 'none'",
].join('; ');
