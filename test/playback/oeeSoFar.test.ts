import { describe, expect, it } from 'vitest';
import { MACHINE_STATES, type MachineState } from '../../src/model/machineState.ts';
import { PlantTrace } from '../../src/sim/plant/trace.ts';
import { oeeSoFar } from '../../src/playback/oeeSoFar.ts';
import { createTraceSource } from '../../src/playback/traceSource.ts';
import { loadSamplePlant } from '../sim/plant/samplePlants.ts';

const { layout } = await loadSamplePlant('kitchen-hardware');
const code = (s: MachineState) => MACHINE_STATES.indexOf(s);

// LASER-01: unknown until 10, processing 10–70, down 70–100, processing 100–130, off-shift 130–160,
// setup 160–170, processing from 170.
const trace = new PlantTrace(['LASER-01', 'LASER-02'], []);
for (const [t, s] of [[10, 'processing'], [70, 'down'], [100, 'processing'], [130, 'off-shift'], [160, 'setup'], [170, 'processing']] as const) {
  trace.stateChange(t, 0, code(s));
}
trace.stateChange(0, 1, code('idle'));
const source = createTraceSource(trace.data(), layout, { label: 'hand-made', startIso: '2026-01-05T06:00:00Z', horizon: 200 });
const run = { performance: 0.9, quality: 0.95 };

function at(equipment: number, minutes: number) {
  const out = new Float64Array(MACHINE_STATES.length);
  source.timeInState(equipment, minutes, out);
  return oeeSoFar(out, run);
}

describe('OEE so far from a trace', () => {
  it('takes availability from the states up to the playhead: operating ÷ planned, unknown and off-shift left out', () => {
    expect(at(0, 70).availability).toBeCloseTo(1, 12);
    expect(at(0, 85).availability).toBeCloseTo(60 / 75, 12);
    expect(at(0, 130).availability).toBeCloseTo(90 / 120, 12);
    expect(at(0, 150).availability).toBeCloseTo(90 / 120, 12);
    expect(at(0, 180).availability).toBeCloseTo(100 / 140, 12);
  });

  it('multiplies in the run’s performance and quality', () => {
    const o = at(0, 130);
    expect(o.performance).toBe(0.9);
    expect(o.quality).toBe(0.95);
    expect(o.oee).toBeCloseTo(0.75 * 0.9 * 0.95, 12);
  });

  it('has no availability before any planned time, and no OEE without the run’s figures', () => {
    expect(at(0, 5).availability).toBeUndefined();
    expect(at(0, 5).oee).toBeUndefined();
    const idle = new Float64Array(MACHINE_STATES.length);
    source.timeInState(1, 50, idle);
    expect(oeeSoFar(idle, run).availability).toBe(0);
    expect(oeeSoFar(idle, null)).toEqual({ availability: 0, performance: undefined, quality: undefined, oee: undefined });
  });
});
