import { Activity } from '../activity.ts';
import type { Sampler } from '../distributions.ts';
import type { Simulator } from '../simulator.ts';
import type { Machine } from './machine.ts';

/**
 * Breakdowns of one machine under one failure model, with preemptive resume: a failure pauses
 * the job (and its setup), which continues with the time it had left once repaired.
 *
 * - Basis "operating": the time between failures counts only while the machine could work —
 *   in its calendar's working time and neither down nor in maintenance. Counting working time
 *   rather than busy time is the simplest faithful reading of an MTBF quoted per production
 *   hour, and it keeps a starved machine's failures from vanishing.
 * - Basis "calendar": it counts all the time.
 * - Repair takes its drawn time of calendar time (technicians are not on the shift calendar).
 * - The next time between failures is drawn when the repair ends.
 */
export class FailureProcess {
  private readonly clock: Activity<FailureProcess>;

  constructor(
    private readonly sim: Simulator,
    private readonly machine: Machine,
    private readonly timeBetweenFailures: Sampler,
    private readonly timeToRepair: Sampler,
    operating: boolean,
  ) {
    this.clock = new Activity(sim, FailureProcess.fails, this);
    if (operating) machine.addOperatingClock(this.clock);
  }

  start(): void {
    this.clock.start(this.timeBetweenFailures());
  }

  /** Begins a repair already under way (a snapshot of a machine that is down); a drawn repair time if `remaining` is unknown. */
  startRepair(remaining?: number): void {
    this.machine.fail();
    this.sim.schedule(remaining ?? this.timeToRepair(), FailureProcess.repaired, this);
  }

  private static fails(this: void, process: FailureProcess): void {
    process.startRepair();
  }

  private static repaired(this: void, process: FailureProcess): void {
    process.machine.repair();
    process.start();
  }
}

/** A machine a snapshot shows down, with no failure model to draw from: up again after `remaining` minutes. */
export function repairOnce(sim: Simulator, machine: Machine, remaining: number): void {
  machine.fail();
  sim.schedule(remaining, repairedOnce, machine);
}

function repairedOnce(machine: Machine): void {
  machine.repair();
}
