import type { Simulator } from '../simulator.ts';
import type { FleetSpec } from './compiledPlant.ts';
import type { Lot } from './lots.ts';
import { tripMinutes } from './moves.ts';
import type { PathGraph } from './pathGraph.ts';

export interface MoveRequest {
  lot: Lot;
  from: number;
  to: number;
  fromNode: number;
  toNode: number;
}

interface Vehicle {
  index: number;
  node: number;
  busy: boolean;
  cargo: MoveRequest[];
  pickupAt: number;
}

export interface TransportHooks {
  /** Loading starts: the lots leave the pick-up place (their output buffer frees). */
  pickedUp(request: MoveRequest, dropAt: number): void;
  delivered(request: MoveRequest): void;
}

/**
 * A fleet of vehicles moving lots between equipment along the layout's paths.
 *
 * - A new request goes to the free vehicle nearest its pick-up point (lowest index on ties); a
 *   vehicle that becomes free takes the oldest waiting request.
 * - A trip: empty travel to the pick-up node, then load, travel and unload. The loaded part takes
 *   handlingTime + distance / speed; the lots leave their output buffer when loading starts.
 * - A vehicle with capacity > 1 also takes other waiting lots with the same pick-up and drop-off
 *   equipment, in request order, up to its capacity.
 * - Vehicles start at the depot: the node of the first AGV station, else the first path node.
 *   Fleets have no calendar; they run around the clock.
 */
export class Fleet {
  private readonly vehicles: Vehicle[];
  private readonly queue: MoveRequest[] = [];
  private queueHead = 0;
  /** Loaded trips and metres driven loaded and empty, counted when each leg starts, since `resetTotals`. */
  trips = 0;
  loadedMetres = 0;
  emptyMetres = 0;

  constructor(
    private readonly sim: Simulator,
    private readonly spec: FleetSpec,
    private readonly paths: PathGraph,
    depot: number,
    private readonly hooks: TransportHooks,
  ) {
    this.vehicles = Array.from({ length: spec.count }, (_, index) => ({ index, node: depot, busy: false, cargo: [], pickupAt: 0 }));
  }

  /** Minutes for a loaded trip between two nodes, handling included. */
  tripTime(fromNode: number, toNode: number): number {
    return tripMinutes(this.spec, this.paths, fromNode, toNode);
  }

  request(request: MoveRequest): void {
    let best: Vehicle | undefined;
    let bestDistance = Infinity;
    for (const v of this.vehicles) {
      if (v.busy) continue;
      const d = this.paths.distance(v.node, request.fromNode);
      if (d < bestDistance) {
        bestDistance = d;
        best = v;
      }
    }
    if (best) this.dispatch(best, request);
    else this.queue.push(request);
  }

  /** Forgets the travel so far (at the end of the warm-up). */
  resetTotals(): void {
    this.trips = 0;
    this.loadedMetres = 0;
    this.emptyMetres = 0;
  }

  private dispatch(v: Vehicle, request: MoveRequest): void {
    v.busy = true;
    v.cargo = [request];
    const empty = this.paths.distance(v.node, request.fromNode);
    this.emptyMetres += empty;
    this.sim.schedule(empty / this.spec.speed, Fleet.arriveAtPickup, { fleet: this, v });
  }

  private static arriveAtPickup(this: void, { fleet, v }: { fleet: Fleet; v: Vehicle }): void {
    const first = v.cargo[0]!;
    // Consolidate: more lots from the same place to the same place, oldest first.
    for (let i = fleet.queueHead; i < fleet.queue.length && v.cargo.length < fleet.spec.capacity; i++) {
      const r = fleet.queue[i]!;
      if (r.from === first.from && r.to === first.to && r.lot !== first.lot) {
        v.cargo.push(r);
        fleet.queue.splice(i--, 1);
      }
    }
    const dropAt = fleet.sim.now + fleet.tripTime(first.fromNode, first.toNode);
    fleet.trips++;
    fleet.loadedMetres += fleet.paths.distance(first.fromNode, first.toNode);
    v.node = first.fromNode;
    for (const r of v.cargo) fleet.hooks.pickedUp(r, dropAt);
    fleet.sim.scheduleAt(dropAt, Fleet.arriveAtDrop, { fleet, v });
  }

  private static arriveAtDrop(this: void, { fleet, v }: { fleet: Fleet; v: Vehicle }): void {
    const cargo = v.cargo;
    v.node = cargo[0]!.toNode;
    v.cargo = [];
    v.busy = false;
    const next = fleet.queue[fleet.queueHead];
    if (next) {
      fleet.queueHead++;
      if (fleet.queueHead > 64 && fleet.queueHead * 2 > fleet.queue.length) {
        fleet.queue.splice(0, fleet.queueHead);
        fleet.queueHead = 0;
      }
      fleet.dispatch(v, next);
    }
    for (const r of cargo) fleet.hooks.delivered(r);
  }
}
