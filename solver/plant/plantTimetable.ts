import type { Timetable } from '../timetable.ts';
import type { PlantFlow } from './flow.ts';

/** A plant timetable: the job-shop timetable plus changeovers, batches and operators per operation. */
export interface PlantTimetable extends Timetable {
  /** Working minutes of changeover right before each operation on its machine (a batch's on its first operation). */
  setup: number[];
  /** When the operation's lots were taken onto the machine: its changeover's start, or its start when it has none. */
  setupStart: number[];
  /** Per operation: the first operation of its batch (itself when it runs alone). */
  batch: number[];
  /** Operator pool index serving the changeover and the run (-1: none). */
  setupPool: number[];
  runPool: number[];
  /** When each operation's lot got room in front of its machine (then it travelled there). */
  room: number[];
}

/** The flow's last timing as a timetable. */
export function plantTimetable(flow: PlantFlow): PlantTimetable {
  const n = flow.n;
  const batch = new Array<number>(n);
  for (let v = 0; v < n; v++) batch[v] = v;
  for (let k = 0; k < flow.m; k++) {
    let lead = -1;
    for (let v = flow.mFirst[k] as number; v >= 0; v = flow.mNext[v] as number) {
      if (flow.batchLink[v] !== 1) lead = v;
      batch[v] = lead;
    }
  }
  return {
    machine: Array.from(flow.mach),
    start: Array.from(flow.start),
    end: Array.from(flow.end),
    setup: Array.from(flow.setup),
    setupStart: Array.from(flow.setupStart),
    batch,
    setupPool: Array.from(flow.setupPool),
    runPool: Array.from(flow.runPool),
    room: Array.from(flow.room),
  };
}
