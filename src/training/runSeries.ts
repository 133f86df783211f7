import { deliveries } from '../sim/plant/deliveries.ts';
import type { PlantRun } from '../sim/plant/plantRun.ts';
import { STATE } from '../sim/plant/stateLog.ts';
import type { RunProbe } from './lessonRun.ts';

/** A run's course over time, for the debrief charts: the trainee's run against the best run. */
export interface RunSeries {
  /** Plant minutes of each sample. */
  t: number[];
  /** Orders finished late or open past due, so far. */
  lateOrders: number[];
  wipLots: number[];
  /** Good units that left the plant so far. */
  goodUnits: number[];
  /** Minutes of changeovers finished so far. */
  setupMinutes: number[];
}

export const SERIES_EVERY = 60;

/** Samples a run every hour of plant time. */
export class SeriesProbe implements RunProbe {
  readonly every = SERIES_EVERY;
  readonly series: RunSeries = { t: [], lateOrders: [], wipLots: [], goodUnits: [], setupMinutes: [] };

  look(run: PlantRun): void {
    const t = run.sim.now;
    const d = deliveries(run.orders, 0, t);
    let setup = 0;
    for (const m of run.machines) setup += m.log.minutes[STATE.setup]!;
    const s = this.series;
    s.t.push(t);
    s.lateOrders.push(d.late + d.openPastDue);
    s.wipLots.push(run.lotsInPlant.size);
    s.goodUnits.push(run.unitsGoodOut);
    s.setupMinutes.push(setup);
  }
}
