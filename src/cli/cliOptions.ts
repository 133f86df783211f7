import { progressBar } from './simulateReport.ts';

/** A number option: undefined when absent, an error message when malformed. */
export function numberOption(value: unknown, name: string, check: (n: number) => boolean, expected: string): number | string | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  return typeof value === 'string' && value.trim() !== '' && check(n) ? n : `--${name} must be ${expected}, found "${String(value)}"`;
}

/** Redraws one progress line on a terminal; silent when stderr is a pipe or a file (logs stay clean). */
export function progressLine(): { update(fraction: number): void; done(): void } {
  const stream = process.stderr;
  if (!stream.isTTY) return { update: () => {}, done: () => {} };
  let last = -1;
  return {
    update(fraction) {
      const percent = Math.floor(fraction * 100);
      if (percent === last) return;
      last = percent;
      stream.write(`\r${progressBar(fraction)}`);
    },
    done: () => stream.write('\r\x1b[K'),
  };
}
