import { describe, expect, it } from 'vitest';
import { MACHINE_STATES } from '../../src/model/machineState.ts';
import { createDemoSource } from '../../src/playback/demoSource.ts';
import { planAddition } from '../../src/model/edits/addition.ts';
import { applyEdit } from '../../src/model/edits/layoutEdit.ts';
import { createTwinFrame, stateCode } from '../../src/playback/stateSource.ts';
import { sampleLayout } from '../model/edits/layoutFixtures.ts';

const layout = sampleLayout('kitchen-hardware.json');
const start = '2026-11-30T06:00:00+01:00';

function frameAt(source: ReturnType<typeof createDemoSource>, minutes: number) {
  const frame = createTwinFrame(source);
  source.sample(minutes, frame);
  return frame;
}

describe('synthetic demo state source', () => {
  it('gives the same frame for the same seed and time, and a different one for another seed', () => {
    const a = frameAt(createDemoSource(layout, { seed: 1, parts: 200, startIso: start }), 900);
    const b = frameAt(createDemoSource(layout, { seed: 1, parts: 200, startIso: start }), 900);
    const c = frameAt(createDemoSource(layout, { seed: 2, parts: 200, startIso: start }), 900);
    expect(Array.from(b.states)).toEqual(Array.from(a.states));
    expect(Array.from(b.parts)).toEqual(Array.from(a.parts));
    expect(Array.from(c.states)).not.toEqual(Array.from(a.states));
  });

  it('gives every equipment a valid state and a fill between 0 and 1, starved empty and blocked full', () => {
    const source = createDemoSource(layout, { seed: 3, parts: 10, startIso: start });
    const frame = createTwinFrame(source);
    for (let t = 0; t < source.horizon; t += 97) {
      source.sample(t, frame);
      frame.states.forEach((s, e) => {
        expect(s).toBeLessThan(MACHINE_STATES.length);
        const fill = frame.fills[e]!;
        expect(fill).toBeGreaterThanOrEqual(0);
        expect(fill).toBeLessThanOrEqual(1);
        if (s === stateCode.starved) expect(fill).toBe(0);
        if (s === stateCode.blocked) expect(fill).toBe(1);
      });
    }
  });

  it('changes states over time, including states that need attention', () => {
    const source = createDemoSource(layout, { seed: 4, parts: 10, startIso: start });
    const seen = new Set<number>();
    const frame = createTwinFrame(source);
    for (let t = 0; t < 24 * 60; t += 10) {
      source.sample(t, frame);
      frame.states.forEach((s) => seen.add(s));
    }
    for (const state of ['processing', 'down', 'blocked', 'starved', 'setup'] as const) expect(seen).toContain(stateCode[state]);
  });

  it('accounts every minute to exactly one state, matching the sampled state', () => {
    const source = createDemoSource(layout, { seed: 5, parts: 10, startIso: start });
    const minutes = new Float64Array(MACHINE_STATES.length);
    source.timeInState(2, 1234.5, minutes);
    expect(minutes.reduce((a, b) => a + b, 0)).toBeCloseTo(1234.5, 6);
    const before = new Float64Array(MACHINE_STATES.length);
    source.timeInState(2, 1234, before);
    const state = frameAt(source, 1234.25).states[2]!;
    expect(minutes[state]! - before[state]!).toBeCloseTo(0.5, 6);
  });

  it('keeps parts on the floor near the path graph, all of them active', () => {
    const source = createDemoSource(layout, { seed: 6, parts: 500, startIso: start });
    const frame = frameAt(source, 4321);
    expect(frame.partCount).toBe(500);
    const xs = layout.paths.nodes.map((n) => n.position.x);
    const ys = layout.paths.nodes.map((n) => n.position.y);
    for (let p = 0; p < frame.partCount; p++) {
      expect(frame.parts[2 * p]).toBeGreaterThanOrEqual(Math.min(...xs) - 0.6);
      expect(frame.parts[2 * p]).toBeLessThanOrEqual(Math.max(...xs) + 0.6);
      expect(frame.parts[2 * p + 1]).toBeGreaterThanOrEqual(Math.min(...ys) - 0.6);
      expect(frame.parts[2 * p + 1]).toBeLessThanOrEqual(Math.max(...ys) + 0.6);
    }
    const later = frameAt(source, 4322);
    expect(Array.from(later.parts)).not.toEqual(Array.from(frame.parts));
  });

  it('keeps the other equipment’s histories when equipment is added', () => {
    const cell = layout.site.areas[0]!.lines[0]!.cells[0]!.id;
    const edited = applyEdit(layout, planAddition(layout, 'press', cell, { x: 10, y: 15 }));
    const before = createDemoSource(layout, { seed: 7, parts: 1, startIso: start });
    const after = createDemoSource(edited, { seed: 7, parts: 1, startIso: start });
    const a = frameAt(before, 2000);
    const b = frameAt(after, 2000);
    before.equipmentIds.forEach((id, i) => expect(b.states[after.equipmentIds.indexOf(id)]).toBe(a.states[i]));
  });
});
