import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexRecording } from '../../src/live/recordingIndex.ts';
import { readRecording } from '../../src/live/recordingStream.ts';
import { buildSnapshot, observedInRecording, scenarioFromSnapshot } from '../../src/live/snapshot.ts';
import { loadScenarioText, type LayoutResolver } from '../../src/model/load.ts';
import { formatProblem } from '../../src/model/problem.ts';
import { simulatePlant } from '../../src/sim/plant/simulatePlant.ts';
import { loadSamplePlant } from '../sim/plant/samplePlants.ts';

const plant = await loadSamplePlant('kitchen-hardware');
const resolver: LayoutResolver = async (ref, from) => {
  const file = path.join(path.dirname(from), ref);
  return { text: readFileSync(file, 'utf8'), file };
};

/** Two hours of a shift: the laser breaks down, a press brake bends order KH-0001, an unknown machine and order come along. */
const CSV = `time,equipment,field,value
2026-11-30T06:00:00Z,LASER-01,state,processing
2026-11-30T06:00:00Z,LASER-01,order,KH-0001
2026-11-30T06:00:00Z,LASER-01,operation,op10
2026-11-30T06:00:00Z,PB-01,state,idle
2026-11-30T06:00:00Z,WELD-01,state,idle
2026-11-30T07:10:00Z,LASER-01,state,down
2026-11-30T07:10:00Z,LASER-01,reason,nozzle
2026-11-30T07:20:00Z,PB-01,state,processing
2026-11-30T07:20:00Z,PB-01,order,KH-0001
2026-11-30T07:20:00Z,PB-01,operation,op20
2026-11-30T07:30:00Z,WELD-01,state,setup
2026-11-30T07:30:00Z,WELD-01,order,NO-SUCH-ORDER
2026-11-30T07:40:00Z,ROBOT-99,state,processing
this line is not a record
2026-11-30T08:30:00Z,LASER-01,state,processing
`;

describe('simulate from a snapshot of a recording', () => {
  it('builds a start state at the cursor that validates and that the simulation starts from', async () => {
    const read = await readRecording(new Blob([CSV]), { name: 'shift.csv' });
    expect(read.badLines).toBe(1);
    const index = indexRecording(read.columns);
    const cursor = '2026-11-30T08:00:00.000Z';
    const { snapshot, dropped } = buildSnapshot(plant.scenario!, plant.layout, observedInRecording(index, Date.parse(cursor)), cursor);
    expect(snapshot.equipment).toEqual([
      // KH-0001 is a base cabinet of 1.0 mm cold-rolled steel: the laser's matrix is by material, the brake's by family.
      { id: 'LASER-01', state: 'down', order: 'KH-0001', setupKey: 'crs-1.0', operation: 'op10' },
      { id: 'PB-01', state: 'processing', order: 'KH-0001', setupKey: 'base-cabinet', operation: 'op20' },
      { id: 'WELD-01', state: 'setup' },
    ]);
    expect(dropped).toEqual(['WELD-01: order NO-SUCH-ORDER is not in the scenario', 'ROBOT-99: not in the layout']);

    const scenario = scenarioFromSnapshot(plant.scenario!, snapshot, 8);
    const loaded = await loadScenarioText(JSON.stringify(scenario), plant.scenarioFile!, resolver);
    if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
    expect(loaded.value.scenario!.experiment.horizon).toBe(8 * 60 + 8 * 60);

    const trace = simulatePlant(loaded.value, { trace: true, seed: 3 }).trace!;
    const first = new Map<string, { time: number; state: string }>();
    trace.stateTime.forEach((time, i) => {
      const id = trace.equipment[trace.stateEquipment[i]!]!;
      if (!first.has(id)) first.set(id, { time, state: trace.states[trace.stateCode[i]!]! });
    });
    expect(first.get('LASER-01')).toEqual({ time: 480, state: 'down' });
    expect(first.get('PB-01')).toEqual({ time: 480, state: 'processing' });
    expect(Math.min(...[...first.values()].map((f) => f.time))).toBe(480);
  });
});
