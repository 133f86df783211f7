/**
 * A schedule as the solver returns it: for every operation (global index) the machine it runs
 * on, its start and its end. Any checker can judge it without knowing how it was made.
 */
export interface Timetable {
  machine: number[];
  start: number[];
  end: number[];
}

export function makespanOf(t: Timetable): number {
  let c = 0;
  for (const e of t.end) if (e > c) c = e;
  return c;
}
