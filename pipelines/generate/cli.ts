// `npm run generate`: writes the synthetic sample extracts into data/raw (or --out DIR); with CLUSTER=<id>, the
// sample of data/clusters/<id>/ (its sample-profile.json) into its raw/ folder.
// Options: --out DIR, --seed N, --scale N, --customs-rows N (benchmark national customs file), --encoding gbk|utf-8.
// Only the generator's own folders are replaced; data/raw/kimberley/ (real data) is never touched.
import { mkdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DEFAULT_SEED, generateSample, type GenerateOptions } from './generate.ts';
import { locateCluster } from '../activeCluster.ts';
import { loadSampleContext } from './profile.ts';

export const GENERATED_FOLDERS = ['customs_stats', 'enterprise_customs', 'registry', 'employment', 'comtrade'];

export function parseArgs(argv: string[]): GenerateOptions & { out: string } {
  const where = locateCluster();
  const opts: GenerateOptions & { out: string } = { out: where.rawDir, seed: DEFAULT_SEED, scale: 1, context: loadSampleContext(where) };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    const num = () => {
      const v = Number(value());
      if (!Number.isFinite(v) || v <= 0) throw new Error(`${flag} needs a positive number`);
      return v;
    };
    if (flag === '--out') opts.out = value();
    else if (flag === '--seed') opts.seed = Math.floor(num());
    else if (flag === '--scale') opts.scale = num();
    else if (flag === '--customs-rows') opts.customsRows = Math.floor(num());
    else if (flag === '--encoding') {
      const e = value().toLowerCase();
      if (e !== 'gbk' && e !== 'utf-8' && e !== 'utf8') throw new Error('--encoding must be gbk or utf-8');
      opts.encoding = e === 'gbk' ? 'gbk' : 'utf-8';
    } else throw new Error(`unknown option ${argv[i]} (use --out, --seed, --scale, --customs-rows, --encoding)`);
  }
  return opts;
}

export async function writeSample(opts: GenerateOptions & { out: string }): Promise<Map<string, Buffer>> {
  const sample = await generateSample(opts);
  for (const folder of GENERATED_FOLDERS) rmSync(join(opts.out, folder), { recursive: true, force: true });
  for (const [rel, bytes] of sample.files) {
    const p = join(opts.out, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, bytes);
  }
  if (opts.context?.profile.kimberley !== false && !existsSync(join(opts.out, 'kimberley'))) console.warn(`note: ${join(opts.out, 'kimberley')}/ is missing; sources.json declares it (real KP data, copied separately).`);
  return sample.files;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const files = await writeSample(opts);
  let total = 0;
  for (const [rel, bytes] of files) {
    total += bytes.length;
    console.log(`${String(bytes.length).padStart(10)}  ${rel}`);
  }
  console.log(`${String(total).padStart(10)}  total bytes written to ${opts.out}`);
}

if (process.argv[1] && /generate[\\/]cli\.ts$/.test(process.argv[1])) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
