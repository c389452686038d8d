// `npm run package`: the built site (dist/, built for BASE) as one archive for the server team, named for the
// cluster, the date and the commit, with a SHA256SUMS manifest, precompressed copies and nginx/Caddy
// configuration. README: "Deploying on an intranet server".
//   tsx scripts/package.ts [--dist dist] [--out release]      (BASE must be the one the site was built with)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { packageEntries, packageName } from './deploy/packageSite.ts';
import { tarGz, type TarEntry } from './deploy/tarball.ts';

const { values } = parseArgs({ options: { dist: { type: 'string', default: 'dist' }, out: { type: 'string', default: 'release' } } });
const dist = resolve(values.dist!);
const base = (process.env.BASE || '/').replace(/\/?$/, '/');

function fail(message: string): never {
  console.error(`package: ${message}`);
  process.exit(1);
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.isFile() ? [join(dir, e.name)] : []));
}

function commit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short=7', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'nogit';
  }
}

if (!existsSync(join(dist, 'index.html'))) fail(`${dist} has no index.html: build the site first (npm run build)`);
// A package configured for one base path but holding a site built for another would serve broken links.
if (!readFileSync(join(dist, 'index.html'), 'utf8').includes(`"${base}_astro/`)) {
  fail(`${dist} was not built for BASE=${base}: run the build and the packaging with the same BASE`);
}
const cluster = JSON.parse(readFileSync('data/cluster.json', 'utf8')) as { id: string };
const name = packageName(cluster.id, new Date(), commit());
const site: TarEntry[] = walk(dist).map((f) => ({ path: relative(dist, f).split(sep).join('/'), data: readFileSync(f) }));
const entries = await packageEntries(site, { name, base });
const archive = tarGz(entries, new Date());
mkdirSync(values.out!, { recursive: true });
const target = join(values.out!, `${name}.tar.gz`);
writeFileSync(`${target}.part`, archive);
renameSync(`${target}.part`, target);
console.log(`${target}: ${(archive.length / 1e6).toFixed(1)} MB, ${entries.length} files (${site.length} site files), base ${base}`);
