// `npm run bench`: runs the benchmarks and writes bench/RESULTS.md.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { benchPipeline, pipelineMarkdown } from './pipeline.ts';
import { benchGate, gateMarkdown } from './personalDataGate.ts';
import { benchSearch, searchMarkdown } from './search.ts';
import { benchSite, siteMarkdown } from './site.ts';
import { benchWorkbench, bigWarehouseOption, workbenchMarkdown } from './workbench.ts';

const sections: string[] = [
  `# Benchmark results`,
  ``,
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}. ` +
    `Ratios are against a baseline measured in the same run.`,
  ``,
  `## Pipeline (issue 2)`,
  ``,
];
const p = await benchPipeline();
sections.push(pipelineMarkdown(p), '');
sections.push('## Personal-data gate (issue 12)', '', gateMarkdown(await benchGate()), '');
// The site benchmark reads the built dist/ (run after `npm run build`); it also times a fresh astro build and runs
// Lighthouse on each page type (BENCH_BUILD=0 / BENCH_LIGHTHOUSE=0 skip them).
sections.push('## Site (issue 3)', '', siteMarkdown(await benchSite({ build: process.env.BENCH_BUILD !== '0', lighthouse: process.env.BENCH_LIGHTHOUSE !== '0' })), '');
sections.push('## Search (issue 10)', '', searchMarkdown(await benchSearch()), '');
sections.push('## SQL workbench (issue 4)', '', workbenchMarkdown(await benchWorkbench({ bigWarehouse: bigWarehouseOption() })), '');
// The hand-written analysis under "## Notes" is kept: the tables above it are regenerated.
const previous = existsSync('bench/RESULTS.md') ? readFileSync('bench/RESULTS.md', 'utf8') : '';
const notes = previous.indexOf('\n## Notes');
if (notes >= 0) sections.push(previous.slice(notes + 1).trimEnd());
writeFileSync('bench/RESULTS.md', sections.join('\n') + '\n');
console.log(sections.join('\n'));
