/** setTimeout fires at once for delays past 2^31−1 ms (24.8 days); longer waits are slept in steps of this. */
const MAX_STEP_MS = 60 * 60_000;

export interface StopSignal {
  /** Raised by the first Ctrl-C or SIGTERM. */
  readonly stopped: boolean;
  /** Resolves on the first Ctrl-C or SIGTERM. */
  readonly whenStopped: Promise<void>;
  /** Sleeps `ms` (any length, Infinity too), waking early when stopped or disposed. */
  sleep(ms: number): Promise<void>;
  dispose(): void;
}

/** A flag raised by the first Ctrl-C or SIGTERM, and a sleep of any length that wakes early when it is. */
export function stopSignal(): StopSignal {
  let stopped = false;
  let disposed = false;
  let resolveStopped!: () => void;
  const whenStopped = new Promise<void>((resolve) => { resolveStopped = resolve; });
  const wakers = new Set<() => void>();
  const stop = (): void => {
    stopped = true;
    resolveStopped();
    for (const wake of wakers) wake();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return {
    get stopped() { return stopped; },
    whenStopped,
    async sleep(ms) {
      const until = Date.now() + ms;
      while (!stopped && !disposed) {
        const left = until - Date.now();
        if (!(left > 0)) return;
        await new Promise<void>((resolve) => {
          const wake = (): void => { clearTimeout(timer); wakers.delete(wake); resolve(); };
          const timer = setTimeout(wake, Math.min(left, MAX_STEP_MS));
          wakers.add(wake);
        });
      }
    },
    dispose() {
      disposed = true;
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      for (const wake of wakers) wake();
    },
  };
}

/** A number of seconds > 0, finite: `Infinity` would make every timer fire at once. */
export function positiveSeconds(value: unknown, name: string): number | string | undefined {
  if (value === undefined) return undefined;
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) && n > 0 ? n : `--${name} must be a finite number of seconds > 0, found "${String(value)}"`;
}
