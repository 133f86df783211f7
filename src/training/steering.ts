import type { EquipmentSpec } from '../sim/plant/compiledPlant.ts';
import type { DispatchRule } from '../sim/plant/dispatching.ts';
import type { JobChoice } from '../sim/plant/jobChoice.ts';
import type { Lot } from '../sim/plant/lots.ts';
import type { PlantHooks, UsualJobChoice } from '../sim/plant/plantHooks.ts';
import type { PlantRun } from '../sim/plant/plantRun.ts';

interface Campaign {
  /** Index into the machine's setup specs of the sequenced attribute's matrix. */
  setup: number;
  /** Matrix key index → position in the sequence; -1 for values the sequence leaves out. */
  rank: Int32Array;
  length: number;
}

/**
 * The lesson's hold on a run: the PlantHooks a lesson passes to PlantRun, and the operations its
 * decisions and events perform. Each steer is a plain choice the plant model would otherwise
 * make itself:
 *
 * - a pinned next job: when the machine next picks a job, the first lot of that order waiting
 *   there goes first (if none waits, the rule picks and the pin stays until one does);
 * - a campaign: the machine keeps its current value of the attribute while lots of it wait,
 *   then moves to the next value of the sequence that has lots waiting (cyclically); values the
 *   sequence leaves out come last; within a value the dispatching rule picks;
 * - a rule change: the machine's rule from now on;
 * - a reroute: lots for operations both machines can run go to the new one, and (optionally)
 *   those waiting at the old one are carried over;
 * - a material hold: lots of the products cannot start the operation until it ends.
 */
export class Steering implements PlantHooks {
  private run: PlantRun | undefined;
  private pins: number[][] = [];
  private rules: (DispatchRule | undefined)[] = [];
  private campaigns: (Campaign | undefined)[] = [];
  /** from machine → to machine, while a reroute holds. */
  private reroutes = new Map<number, number>();
  /** product × 4096 + operation → number of holds in force. */
  private holds = new Map<number, number>();

  attach(run: PlantRun): void {
    this.run = run;
    const n = run.machines.length;
    this.pins = Array.from({ length: n }, () => []);
    this.rules = new Array<DispatchRule | undefined>(n).fill(undefined);
    this.campaigns = new Array<Campaign | undefined>(n).fill(undefined);
  }

  private get plantRun(): PlantRun {
    if (!this.run) throw new Error('Steering: attach it to the run first');
    return this.run;
  }

  // ---- hooks ---------------------------------------------------------------------------------

  equipmentFor(lot: Lot): number | undefined {
    if (this.reroutes.size === 0) return undefined;
    const op = lot.routing.operations[lot.op]!;
    for (const e of op.eligible) {
      const to = this.reroutes.get(e.equipment);
      if (to !== undefined && op.eligible.some((x) => x.equipment === to)) return to;
    }
    return undefined;
  }

  chooseJob(queue: readonly Lot[], spec: EquipmentSpec, keys: Int32Array, usual: UsualJobChoice): JobChoice {
    const m = spec.index;
    const pins = this.pins[m]!;
    const campaign = this.campaigns[m];
    const rule = this.rules[m];
    if (this.holds.size === 0 && pins.length === 0 && !campaign) return usual(queue, rule);
    let index: number[] = [];
    for (let i = 0; i < queue.length; i++) if (!this.held(queue[i]!)) index.push(i);
    if (index.length === 0) return { lots: [], wakeAt: Infinity, ordered: false };
    for (let p = 0; p < pins.length; p++) {
      const k = index.find((i) => queue[i]!.order.spec.index === pins[p]);
      if (k === undefined) continue;
      pins.splice(p, 1);
      return { lots: [k], wakeAt: Infinity, ordered: false };
    }
    if (campaign) index = this.campaignLots(campaign, queue, index, spec, keys);
    const lots = index.map((i) => queue[i]!);
    const choice = usual(lots, rule);
    return { lots: choice.lots.map((k) => index[k]!), wakeAt: choice.wakeAt, ordered: choice.ordered };
  }

  private held(lot: Lot): boolean {
    return this.holds.size > 0 && (this.holds.get(lot.product * 4096 + lot.op) ?? 0) > 0;
  }

  /** The waiting lots of the campaign's value to run now: the current one while it lasts, else the next in the sequence. */
  private campaignLots(c: Campaign, queue: readonly Lot[], index: number[], spec: EquipmentSpec, keys: Int32Array): number[] {
    const setup = spec.setups[c.setup]!;
    const rankOf = (i: number): number => {
      const key = setup.keyOf[queue[i]!.product]!;
      return key >= 0 ? c.rank[key]! : -1;
    };
    const current = keys[c.setup]! >= 0 ? c.rank[keys[c.setup]!]! : -1;
    let best = -1;
    let bestDistance = Infinity;
    for (const i of index) {
      const r = rankOf(i);
      if (r < 0) continue;
      const distance = current < 0 ? r : (r - current + c.length) % c.length;
      if (distance < bestDistance) {
        bestDistance = distance;
        best = r;
      }
    }
    if (best < 0) return index;
    return index.filter((i) => rankOf(i) === best);
  }

  // ---- steers --------------------------------------------------------------------------------

  pinNextJob(machine: number, order: number): void {
    this.pins[machine]!.push(order);
    this.plantRun.machines[machine]!.requestDispatch();
  }

  setRule(machines: readonly number[], rule: DispatchRule | undefined): void {
    for (const m of machines) {
      this.rules[m] = rule;
      this.plantRun.machines[m]!.requestDispatch();
    }
  }

  /** Starts a campaign of `sequence` (values of the attribute of matrix `matrixId`) on the machines; returns false where a machine has no such matrix. */
  startCampaign(machines: readonly number[], matrixId: string, sequence: readonly string[]): void {
    for (const m of machines) {
      const spec = this.plantRun.machines[m]!.spec;
      const setup = spec.setups.findIndex((s) => s.matrix === matrixId);
      if (setup < 0) continue;
      const keys = spec.setups[setup]!.keys;
      const rank = new Int32Array(keys.length).fill(-1);
      sequence.forEach((value, position) => {
        const k = keys.indexOf(value);
        if (k >= 0) rank[k] = position;
      });
      this.campaigns[m] = { setup, rank, length: sequence.length };
      this.plantRun.machines[m]!.requestDispatch();
    }
  }

  endCampaign(machines: readonly number[]): void {
    for (const m of machines) {
      this.campaigns[m] = undefined;
      this.plantRun.machines[m]!.requestDispatch();
    }
  }

  /** Sends work for operations `from` and `to` share to `to`; with `moveWaiting`, also the lots waiting at `from` now. */
  reroute(from: number, to: number, moveWaiting: boolean): void {
    const run = this.plantRun;
    this.reroutes.set(from, to);
    if (!moveWaiting) return;
    const source = run.machines[from]!;
    for (const lot of [...source.queue]) {
      const op = lot.routing.operations[lot.op]!;
      if (!op.eligible.some((e) => e.equipment === to)) continue;
      // The lot leaves the queue and is staged at the machine's outbound place, where transport
      // collects finished lots: the move to `to` is then an ordinary move.
      source.queue.splice(source.queue.indexOf(lot), 1);
      source.input.release(lot.quantity);
      source.backlog -= lot.estimate;
      lot.estimate = 0;
      source.output.force(lot.quantity);
      lot.from = from;
      run.route(lot);
    }
    source.updateState();
  }

  endReroute(from: number): void {
    this.reroutes.delete(from);
  }

  hold(product: number, operation: number, delta: 1 | -1): void {
    const key = product * 4096 + operation;
    const count = (this.holds.get(key) ?? 0) + delta;
    if (count > 0) this.holds.set(key, count);
    else this.holds.delete(key);
    if (delta < 0) for (const m of this.plantRun.machines) if (m.queue.length > 0) m.requestDispatch();
  }
}
