import { beforeAll, describe, expect, it } from 'vitest';
import type { Plant } from '../../../src/model/load.ts';
import type { PlantResult } from '../../../src/sim/plant/results.ts';
import { simulatePlant } from '../../../src/sim/plant/simulatePlant.ts';
import { traceHash } from '../../../src/sim/plant/trace.ts';
import { loadSamplePlant, SAMPLE_PLANTS } from './samplePlants.ts';

/**
 * Replays the trace's moves and loads in time order: a move must start where the lot last
 * arrived, and a lot must be loaded where it last arrived. Returns the number of violations.
 */
function traceViolations(t: NonNullable<PlantResult['trace']>): number {
  const events: [time: number, order: number, lot: number, equipment: number][] = [];
  for (let i = 0; i < t.moveStart.length; i++) {
    events.push([t.moveStart[i]!, 0, t.moveLot[i]!, t.moveFrom[i]!], [t.moveEnd[i]!, 1, t.moveLot[i]!, t.moveTo[i]!]);
  }
  for (let i = 0; i < t.loadTime.length; i++) events.push([t.loadTime[i]!, 2, t.loadLot[i]!, t.loadEquipment[i]!]);
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const at = new Map<number, number>();
  let violations = 0;
  for (const [, kind, lot, equipment] of events) {
    const where = at.get(lot);
    if (kind !== 1 && where !== undefined && where !== equipment) violations++;
    if (kind !== 0) at.set(lot, equipment);
  }
  return violations;
}

/** The invariants every run of every plant must satisfy, whatever the numbers. */
function checkInvariants(r: PlantResult): void {
  const windowLength = r.window.end - r.window.start;
  // Part conservation: every released unit is good, scrap or still inside; lots likewise.
  expect(r.flow.unitsReleased).toBe(r.flow.unitsGood + r.flow.unitsScrapped + r.flow.unitsInPlant);
  expect(r.flow.lotsEntered).toBe(r.flow.lotsExited + r.flow.lotsInPlant);
  const ordered = r.orders.reduce((sum, o) => sum + o.released, 0);
  expect(ordered).toBe(r.flow.unitsReleased);
  for (const o of r.orders) if (o.completedAt !== null) expect(o.good + o.scrap).toBe(o.released);
  // Little's law on the sample path: ∫ N dt over the window = Σ lot-minutes inside it.
  expect(r.wip.lotsMean * windowLength).toBeCloseTo(r.flow.lotMinutes, 4);
  for (const e of r.equipment) {
    const total = Object.values(e.states).reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(windowLength, 6);
    expect(e.utilisation).toBeGreaterThanOrEqual(0);
    expect(e.utilisation).toBeLessThanOrEqual(1 + 1e-9);
    if (e.oee) {
      for (const f of [e.oee.availability, e.oee.performance, e.oee.quality, e.oee.oee]) {
        expect(f).toBeGreaterThanOrEqual(0);
        expect(f).toBeLessThanOrEqual(1);
      }
    }
  }
  for (const l of r.lines) if (l.oee) expect(l.oee.oee).toBeLessThanOrEqual(1);
  const shares = r.equipment.reduce((s, e) => s + e.bottleneck.sole + e.bottleneck.shifting, 0);
  expect(shares).toBeLessThanOrEqual(1 + 1e-9);
}

describe.each(SAMPLE_PLANTS)('the %s week', (name) => {
  let plant: Plant;
  let result: PlantResult;
  beforeAll(async () => {
    plant = await loadSamplePlant(name);
    result = simulatePlant(plant, { trace: true });
  });

  it('conserves parts, holds Little’s law, and keeps states and OEE factors consistent', () => {
    checkInvariants(result);
  });

  it('finishes most orders and names a bottleneck', () => {
    expect(result.delivery.completed).toBeGreaterThan(0.9 * result.orders.length);
    expect(result.bottleneck.equipment).not.toBeNull();
    expect(result.energy.total).toBeGreaterThan(0);
  });

  it('holds the invariants with a warm-up and under each dispatching rule', () => {
    for (const dispatching of ['FIFO', 'SPT', 'ATCS'] as const) checkInvariants(simulatePlant(plant, { dispatching, replication: 1 }));
    const warm = simulatePlant(plant, { warmup: 1440, replication: 2 });
    expect(warm.window.start).toBe(1440);
    checkInvariants(warm);
  });

  it('repeats a seed to the bit and changes with another seed', () => {
    const again = simulatePlant(plant, { trace: true });
    expect(traceHash(again.trace!)).toBe(traceHash(result.trace!));
    expect(again.throughput).toEqual(result.throughput);
    const other = simulatePlant(plant, { trace: true, seed: result.seed + 1 });
    expect(traceHash(other.trace!)).not.toBe(traceHash(result.trace!));
    const replication = simulatePlant(plant, { trace: true, replication: 1 });
    expect(traceHash(replication.trace!)).not.toBe(traceHash(result.trace!));
  });

  it('keeps a week’s trace small, in time order, and consistent: lots move on from, and load at, where they arrived', () => {
    const t = result.trace!;
    const bytes = [t.stateTime, t.stateEquipment, t.stateCode, t.moveStart, t.moveEnd, t.moveLot, t.moveFrom, t.moveTo, t.loadTime, t.loadLot, t.loadEquipment, t.loadOperation]
      .reduce((sum, a) => sum + a.byteLength, 0);
    expect(bytes).toBeLessThan(50e6);
    expect(t.stateTime.length).toBeGreaterThan(result.equipment.length);
    // Times never run backwards within the state changes of the trace.
    expect(t.stateTime.every((time, i) => i === 0 || time >= t.stateTime[i - 1]!)).toBe(true);
    expect(traceViolations(t)).toBe(0);
  });
});
