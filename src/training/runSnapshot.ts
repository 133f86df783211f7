import { isoAt } from '../model/calendar.ts';
import { MACHINE_STATES } from '../model/machineState.ts';
import type { Scenario } from '../model/scenarioSchema.ts';
import type { PlantRun } from '../sim/plant/plantRun.ts';

type Snapshot = Extract<Scenario['startState'], { kind: 'snapshot' }>;

/** A machine known to be out until a time (an injected breakdown whose repair end is known). */
export interface KnownOutage {
  equipment: string;
  until: number;
}

/**
 * The scenario as a scheduler would see the plant at a paused run's time: open orders only,
 * a snapshot start state with each machine's state, running job (its remaining minutes are the
 * run's own estimate, plus a known outage), set-up key, and every other lot as work in process
 * waiting for its current operation; known outages become planned maintenance from now. This
 * is the plant a planner would re-plan at that moment.
 */
export function scenarioAtRun(scenario: Scenario, run: PlantRun, outages: readonly KnownOutage[] = []): Scenario {
  const now = run.sim.now;
  const onMachine = new Set<number>();
  const equipment: Snapshot['equipment'] = run.machines.map((m) => {
    const state = MACHINE_STATES[m.log.state] ?? 'unknown';
    const entry: Snapshot['equipment'][number] = { id: m.spec.id, state };
    const lot = m.job[0];
    if (lot) {
      for (const l of m.job) onMachine.add(l.id);
      entry.order = lot.order.spec.id;
      entry.operation = lot.routing.operations[lot.op]!.id;
      const outage = outages.find((o) => o.equipment === m.spec.id && o.until > now);
      entry.remaining = Math.max(0, m.expectedEnd - now) + (outage ? outage.until - now : 0);
      // A machine paused by a failure, a break or a missing operator still holds its job.
      if (state !== 'processing' && state !== 'setup') entry.state = 'processing';
    }
    const set = m.spec.setups.findIndex((_, k) => m.keys[k]! >= 0);
    if (set >= 0) entry.setupKey = m.spec.setups[set]!.keys[m.keys[set]!]!;
    return entry;
  });
  const wip: Snapshot['wip'] = [];
  for (const lot of run.lotsInPlant) {
    if (onMachine.has(lot.id)) continue;
    const op = lot.routing.operations[lot.op];
    if (!op) continue;
    // A lot not yet sent anywhere (just released, or waiting to be routed) waits at its first eligible machine.
    const at = (run.machines[lot.target] ?? run.machines[op.eligible[0]!.equipment]!).spec.id;
    wip.push({ order: lot.order.spec.id, operation: op.id, quantity: lot.quantity, at });
  }
  const open = new Set(run.orders.filter((o) => Number.isNaN(o.completedAt)).map((o) => o.spec.id));
  return {
    ...scenario,
    orders: scenario.orders.filter((o) => open.has(o.id)),
    maintenance: [
      ...scenario.maintenance,
      ...outages.filter((o) => o.until > now).map((o) => ({ equipment: o.equipment, start: isoAt(scenario.start, now), duration: o.until - now, description: 'known outage' })),
    ],
    startState: { kind: 'snapshot', time: isoAt(scenario.start, now), equipment, wip },
  };
}
