import { LiveHistory } from '../../../src/live/liveHistory.ts';
import { MqttSource, type Connect } from '../../../src/live/mqttSource.ts';

/** Topics on which the harness asks the page for a call and the page answers (outside `bench/#`). */
export const CONTROL_REQUEST = 'bench-control/request';
export const CONTROL_REPLY = 'bench-control/reply';
export type ControlCall = 'phase' | 'reset' | 'read';

/** What `npm run bench:live` reads from a subscriber, in the page or in Node. */
export interface LiveBench {
  phase(): string;
  /** Starts a measurement: forgets earlier delays and notes the counters. */
  reset(): void;
  read(): LiveBenchReading;
}

export interface LiveBenchReading {
  received: number;
  applied: number;
  late: number;
  duplicates: number;
  invalid: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

function percentile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/**
 * Subscribes with the app's MqttSource and records, for every state applied, the time since its
 * publisher stamped it (`ts`, ms with fraction; publisher and subscriber share the machine's clock).
 */
export function startLiveBench(url: string, connect: Connect, capacity = 1_000_000): LiveBench {
  const delays = new Float64Array(capacity);
  let n = 0;
  const clock = (): number => performance.timeOrigin + performance.now();
  const source = new MqttSource(
    { url, clientId: `bench-subscriber-${Math.floor(Math.random() * 1e9)}`, topics: ['bench/#'], qos: 1 },
    // Nothing goes stale during a bench, so every listener call is an applied message; the history
    // is kept as in the app, for time in state since connect.
    { expectedPeriodMs: 1e9, staleFactor: 1, history: new LiveHistory(Date.now()) },
    { connect },
  );
  source.states.subscribe((_equipment, live) => {
    if (n < delays.length) delays[n++] = clock() - live.ts;
  });
  source.start();
  let base = { ...source.states.counters };
  return {
    phase: () => source.status.phase,
    reset: () => {
      n = 0;
      base = { ...source.states.counters };
    },
    read: () => {
      const c = source.states.counters;
      const sorted = delays.slice(0, n).sort();
      return {
        received: c.applied - base.applied + c.late - base.late,
        applied: c.applied - base.applied,
        late: c.late - base.late,
        duplicates: c.duplicates - base.duplicates,
        invalid: c.invalid - base.invalid,
        p50Ms: percentile(sorted, 0.5),
        p99Ms: percentile(sorted, 0.99),
        maxMs: percentile(sorted, 1),
      };
    },
  };
}
