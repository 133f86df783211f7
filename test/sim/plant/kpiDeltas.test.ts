import { describe, expect, it } from 'vitest';
import { studentTQuantile } from '../../../src/sim/confidence.ts';
import { excludesZero, kpiDeltas } from '../../../src/sim/plant/kpiDeltas.ts';
import { summariseReplications } from '../../../src/sim/plant/replicatePlant.ts';
import type { PlantResult } from '../../../src/sim/plant/results.ts';

interface Figures { units: number; leadTime: number; onTime: number; wip: number; utilisation: number; oee: number; travel?: number }

/** A replication's result with only the figures the comparison reads; the rest is zero. */
function run(replication: number, f: Figures, bottleneck = 'press'): PlantResult {
  const equipment = [bottleneck, 'saw'].map((id) => ({
    id,
    utilisation: id === bottleneck ? f.utilisation : 0.2,
    oee: { availability: 1, performance: 1, quality: 1, oee: id === bottleneck ? f.oee : 0.2 },
    bottleneck: { sole: id === bottleneck ? 0.8 : 0, shifting: 0 },
    energyKWh: { total: 0 },
  }));
  return {
    scenario: 'test', seed: 7, replication,
    throughput: { lotsPerDay: 0, unitsPerDay: f.units, ordersPerDay: 0 },
    leadTime: { mean: f.leadTime, p50: 0, p90: 0, max: 0 },
    delivery: { onTimeRate: f.onTime, totalTardiness: 0, meanTardiness: 0, weightedTardiness: 0 },
    wip: { lotsMean: f.wip, unitsMean: 0 },
    energy: { total: 0 },
    transport: { trips: f.travel === undefined ? 0 : 10, loadedMetres: 0, emptyMetres: 0, metresPerDay: f.travel ?? 0 },
    equipment, lines: [], bottleneck: { equipment: bottleneck, shares: [] },
  } as unknown as PlantResult;
}

const before = [
  { units: 100, leadTime: 10, onTime: 0.9, wip: 4, utilisation: 0.8, oee: 0.7 },
  { units: 110, leadTime: 12, onTime: 0.8, wip: 5, utilisation: 0.85, oee: 0.72 },
  { units: 120, leadTime: 14, onTime: 0.7, wip: 6, utilisation: 0.9, oee: 0.74 },
];
const after = [
  { units: 105, leadTime: 11, onTime: 0.9, wip: 4, utilisation: 0.8, oee: 0.7 },
  { units: 115, leadTime: 14, onTime: 0.8, wip: 5, utilisation: 0.85, oee: 0.72 },
  { units: 125, leadTime: 15, onTime: 0.7, wip: 6, utilisation: 0.9, oee: 0.74 },
];
const base = summariseReplications(before.map((f, r) => run(r, f)));
const candidate = summariseReplications(after.map((f, r) => run(r, f)));
const rows = kpiDeltas(base, candidate);
const row = (key: string) => rows.find((r) => r.key === key)!;

describe('paired KPI deltas of two layouts', () => {
  it('gives one row per KPI, the bottleneck named', () => {
    expect(rows.map((r) => r.key)).toEqual(['unitsPerDay', 'onTimeRate', 'leadTimeMean', 'wipLots', 'bottleneckUtilisation', 'bottleneckOee']);
    expect(row('bottleneckOee').label).toContain('press');
  });

  it('pairs by replication: a shift of 5 in every run is certain, though the separate intervals overlap', () => {
    const d = row('unitsPerDay');
    expect(d.delta.mean).toBe(5);
    expect(d.delta.halfWidth).toBe(0);
    expect(d.significant).toBe(true);
    expect(d.base.upper).toBeGreaterThan(d.candidate.lower);
  });

  it('computes the t interval of the differences (1, 2, 1): mean 4/3, half-width t(0.975, 2) · s/√3', () => {
    const d = row('leadTimeMean').delta;
    const s = Math.sqrt(1 / 3);
    expect(d.mean).toBeCloseTo(4 / 3, 12);
    expect(d.halfWidth).toBeCloseTo(studentTQuantile(0.975, 2) * s / Math.sqrt(3), 10);
    expect(d.halfWidth).toBeCloseTo(1.434218, 5);
    expect(d.lower).toBeLessThan(0);
    expect(row('leadTimeMean').significant).toBe(false);
  });

  it('reports no change where every run is the same', () => {
    for (const key of ['onTimeRate', 'wipLots', 'bottleneckUtilisation', 'bottleneckOee']) {
      expect(row(key).delta.mean).toBeCloseTo(0, 12);
      expect(row(key).significant).toBe(false);
    }
  });

  it('adds vehicle travel when either plant has vehicles, paired like the rest', () => {
    const moved = summariseReplications(after.map((f, r) => run(r, { ...f, travel: 900 + 10 * r })));
    const travel = kpiDeltas(summariseReplications(before.map((f, r) => run(r, { ...f, travel: 800 + 10 * r }))), moved)
      .find((r) => r.key === 'travelMetresPerDay')!;
    expect(travel.delta.mean).toBeCloseTo(100, 9);
    expect(travel.delta.halfWidth).toBeCloseTo(0, 9);
    expect(travel.significant).toBe(true);
  });

  it('leaves out the bottleneck rows when the edited plant no longer has that equipment', () => {
    const without = summariseReplications(after.map((f, r) => run(r, f, 'lathe')));
    expect(kpiDeltas(base, without).map((r) => r.key)).toEqual(['unitsPerDay', 'onTimeRate', 'leadTimeMean', 'wipLots']);
  });

  it('calls an interval significant only when it lies wholly on one side of 0', () => {
    const at = (lower: number, upper: number) => ({ mean: (lower + upper) / 2, halfWidth: (upper - lower) / 2, lower, upper, sd: 1, n: 3, level: 0.95 });
    expect(excludesZero(at(0.1, 2))).toBe(true);
    expect(excludesZero(at(-2, -0.1))).toBe(true);
    expect(excludesZero(at(-0.1, 2))).toBe(false);
    expect(excludesZero(at(NaN, NaN))).toBe(false);
  });
});
