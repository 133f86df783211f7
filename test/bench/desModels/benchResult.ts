/** What one benchmark run reports: completions, events, time of the run (setup excluded), outputs. */
export interface BenchResult {
  completed: number;
  events: number;
  /** Wall-clock seconds. */
  seconds: number;
  /** CPU seconds of this process: steadier than wall time on a machine shared with other work. */
  cpuSeconds: number;
  stats: Record<string, number | number[]>;
}

/** Wall-clock and CPU seconds taken by `run`. */
export function timed(run: () => void): { seconds: number; cpuSeconds: number } {
  const cpu = process.cpuUsage();
  const start = performance.now();
  run();
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  return { seconds, cpuSeconds: (used.user + used.system) / 1e6 };
}
