// What the operator sees while a build runs. On a terminal: one progress bar per stage (cli-progress), with the
// file or model being worked on; elsewhere (CI logs, pipes): one plain line per event with the elapsed time,
// which is what a log file needs.
import cliProgress from 'cli-progress';
import type { Stage } from './run.ts';

export interface ProgressDisplay {
  update(stage: Stage, detail: string, count?: { done: number; total: number }): void;
  stop(): void;
}

const LABELS: Partial<Record<Stage, string>> = { discover: 'discover', land: 'land + stage', stage: 'land + stage', marts: 'marts', checks: 'checks', publish: 'publish' };

export function progressDisplay(out: NodeJS.WriteStream, started = Date.now()): ProgressDisplay {
  if (!out.isTTY) {
    const stamp = () => `${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s`;
    return {
      // console.log, not out.write: a closed pipe (`| head`) must not crash the build.
      update: (stage, detail) => console.log(`${stamp()}  [${stage}] ${detail}`),
      stop: () => {},
    };
  }
  const multi = new cliProgress.MultiBar(
    {
      stream: out,
      format: ' {label} |{bar}| {value}/{total}  {detail}',
      barsize: 24,
      hideCursor: true,
      clearOnComplete: false,
      autopadding: true,
    },
    cliProgress.Presets.shades_classic,
  );
  const bars = new Map<string, cliProgress.SingleBar>();
  return {
    update(stage, detail, count) {
      const label = (LABELS[stage] ?? stage).padEnd(12);
      let bar = bars.get(label);
      const total = count?.total ?? 1;
      if (!bar) {
        bar = multi.create(total, 0, { label, detail });
        bars.set(label, bar);
      }
      bar.setTotal(total);
      bar.update(count ? count.done : 0, { label, detail: detail.length > 70 ? `…${detail.slice(-69)}` : detail });
    },
    stop: () => multi.stop(),
  };
}
