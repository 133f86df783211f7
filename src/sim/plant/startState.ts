import { minutesBetween } from '../../model/calendar.ts';
import type { Scenario } from '../../model/scenarioSchema.ts';
import { repairOnce, type FailureProcess } from './failure.ts';
import type { Lot } from './lots.ts';
import type { PlantRun } from './plantRun.ts';

type Snapshot = Extract<Scenario['startState'], { kind: 'snapshot' }>;

/** Minute the run starts: the snapshot's time (never before the scenario start), or 0. */
export function snapshotStart(scenario: Scenario): number {
  const start = scenario.startState;
  return start.kind === 'snapshot' ? Math.max(0, minutesBetween(scenario.start, start.time)) : 0;
}

export interface SnapshotStart {
  /** Orders the snapshot holds: they are in the plant already and are not released again. */
  orders: Set<number>;
  /** Machines that start under repair (their first failure model's clock starts after it). */
  repairing: Set<number>;
  /** Machine index → minutes of maintenance left at the start. */
  maintenance: Map<number, number>;
}

/**
 * Starts the run from a snapshot of a running plant, at the snapshot's time.
 *
 * - Work in process waits in front of its equipment (`at`) for its next operation; it is let
 *   into the input buffer even beyond its capacity (it is physically there); following a
 *   schedule, it runs as the entries listed for it there.
 * - Equipment in `processing` or `setup` with an order and operation runs that job for its
 *   `remaining` minutes (a setup then continues into processing); without `remaining`, the
 *   time is drawn or taken from the setup matrix as usual. The snapshot does not say how many
 *   units are on the machine: the order's units that are not in the snapshot's WIP, shared
 *   evenly by the machines running it (at least one unit each).
 * - `blocked` with an order and operation: the lot has finished that operation and waits to
 *   leave. `down` with `remaining`: under repair for that long (a drawn repair time if absent).
 *   `maintenance` with `remaining`: planned maintenance for that long. A machine down with no
 *   failure model is repaired after `remaining` minutes (at once if that is absent too).
 * - `setupKey` is what the equipment is set up for (every matrix holding that key).
 * - Orders the snapshot holds count as released with the units it shows; their completion
 *   and lead time still count from their release date. Every other order is released at its
 *   release date, or at the snapshot time if that is earlier (open orders not yet started).
 */
export function applySnapshot(run: PlantRun, snapshot: Snapshot, failures: readonly FailureProcess[][]): SnapshotStart {
  const plant = run.plant;
  const result: SnapshotStart = { orders: new Set(), repairing: new Set(), maintenance: new Map() };
  const orderOf = (id: string | undefined) => (id === undefined ? undefined : run.orders[plant.orderIndex.get(id) ?? -1]);
  const opOf = (orderId: string | undefined, opId: string | undefined): number => {
    const order = orderOf(orderId);
    if (!order || opId === undefined) return -1;
    const routing = plant.routings[plant.products[order.spec.product]!.routing]!;
    return routing.operationIndex.get(opId) ?? -1;
  };

  for (const w of snapshot.wip) {
    const order = orderOf(w.order);
    const machine = run.machines[plant.equipmentIndex.get(w.at) ?? -1];
    const op = opOf(w.order, w.operation);
    if (!order || !machine || op < 0) continue;
    result.orders.add(order.spec.index);
    run.placeWip(run.newLot(order, op, w.quantity, true), machine);
  }

  const running = snapshot.equipment.filter((e) => opOf(e.order, e.operation) >= 0 && ['processing', 'setup', 'blocked'].includes(e.state));
  const blocked: [Lot, number][] = [];
  const wipUnits = new Map<string, number>();
  for (const w of snapshot.wip) wipUnits.set(w.order, (wipUnits.get(w.order) ?? 0) + w.quantity);
  for (const e of running) {
    const order = orderOf(e.order)!;
    const machine = run.machines[plant.equipmentIndex.get(e.id) ?? -1];
    if (!machine) continue;
    const sharing = running.filter((r) => r.order === e.order);
    const left = Math.max(0, order.spec.quantity - (wipUnits.get(e.order!) ?? 0));
    const share = Math.floor(left / sharing.length) + (sharing[0] === e ? left % sharing.length : 0);
    result.orders.add(order.spec.index);
    const op = opOf(e.order, e.operation);
    if (e.state === 'blocked') {
      blocked.push([run.newLot(order, op, Math.max(1, share), true), machine.spec.index]);
      continue;
    }
    const lot: Lot = run.newLot(order, op, Math.max(1, share), true);
    lot.target = machine.spec.index;
    machine.input.force(lot.quantity);
    machine.queue.push(lot);
    const remaining = e.remaining;
    machine.begin([lot], e.state === 'setup' ? { setup: remaining, underWay: true } : { setup: 0, run: remaining, underWay: true });
  }
  // Only now that all of an order's lots exist may one of them complete it.
  for (const order of result.orders) run.orders[order]!.unreleased = 0;
  for (const [lot, machine] of blocked) finishBlocked(run, lot, machine);

  for (const e of snapshot.equipment) {
    const index = plant.equipmentIndex.get(e.id);
    if (index === undefined) continue;
    if (e.state === 'down') {
      const process = failures[index]?.[0];
      if (process) {
        process.startRepair(e.remaining);
        result.repairing.add(index);
      } else {
        repairOnce(run.sim, run.machines[index]!, e.remaining ?? 0);
      }
    } else if (e.state === 'maintenance' && e.remaining !== undefined) {
      result.maintenance.set(index, e.remaining);
    }
  }
  return result;
}

/** A lot the snapshot shows finished on `machine` and waiting to leave: into the output buffer, on to its next operation. */
function finishBlocked(run: PlantRun, lot: Lot, machine: number): void {
  lot.op++;
  if (lot.op >= lot.routing.operations.length) {
    run.finishLot(lot, machine);
    return;
  }
  lot.from = machine;
  run.machines[machine]!.output.force(lot.quantity);
  run.route(lot);
}
