import { progressBar } from './simulateReport.ts';

export interface Progress {
  /** `done` of `total` units finished. */
  update(done: number, total: number): void;
  done(): void;
}

const LINE_EVERY_PERCENT = 10;

/**
 * Progress on stderr: a bar redrawn in place on a terminal; otherwise (a pipe, a log file, a
 * Kubernetes pod) one plain line each tenth, so logs stay readable and still show the work moving.
 */
export function progressOnStderr(label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  const started = performance.now();
  let last = -1;
  const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
  if (stream.isTTY) {
    return {
      update(done, total) {
        const percent = total > 0 ? Math.floor((done / total) * 100) : 100;
        if (percent === last) return;
        last = percent;
        stream.write(`\r${progressBar(total > 0 ? done / total : 1)} ${done}/${total} ${label} ${seconds()} s`);
      },
      done: () => stream.write('\r\x1b[K'),
    };
  }
  return {
    update(done, total) {
      const step = total > 0 ? Math.floor(((done / total) * 100) / LINE_EVERY_PERCENT) : 100 / LINE_EVERY_PERCENT;
      if (step === last) return;
      last = step;
      stream.write(`${label}: ${done}/${total} (${total > 0 ? Math.floor((done / total) * 100) : 100} %) after ${seconds()} s\n`);
    },
    done: () => {},
  };
}
