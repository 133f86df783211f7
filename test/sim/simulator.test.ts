import { describe, expect, it } from 'vitest';
import { Simulator } from '../../src/sim/simulator.ts';

describe('Simulator', () => {
  it('advances the clock to each event and passes its data to the handler', () => {
    const sim = new Simulator();
    const seen: [number, string][] = [];
    const record = (label: string): void => {
      seen.push([sim.now, label]);
    };
    sim.schedule(2, record, 'b');
    sim.schedule(1, record, 'a');
    sim.run();
    expect(seen).toEqual([[1, 'a'], [2, 'b']]);
    expect(sim.eventsFired).toBe(2);
  });

  it('schedules relative to the time of the running handler', () => {
    const sim = new Simulator();
    const times: number[] = [];
    const tick = (n: number): void => {
      times.push(sim.now);
      if (n > 0) sim.schedule(1.5, tick, n - 1);
    };
    sim.schedule(1, tick, 3);
    sim.run();
    expect(times).toEqual([1, 2.5, 4, 5.5]);
  });

  it('fires zero-delay events after the ones already due now, in scheduling order', () => {
    const sim = new Simulator();
    const order: string[] = [];
    sim.schedule(1, () => {
      order.push('first');
      sim.schedule(0, () => order.push('spawned'));
    });
    sim.schedule(1, () => order.push('second'));
    sim.run();
    expect(order).toEqual(['first', 'second', 'spawned']);
  });

  it('stops at the horizon with the clock there, and continues on the next run', () => {
    const sim = new Simulator();
    const fired: number[] = [];
    for (const t of [1, 5, 10, 15]) sim.scheduleAt(t, (x: number) => fired.push(x), t);
    sim.run(10);
    expect(fired).toEqual([1, 5, 10]);
    expect(sim.now).toBe(10);
    expect(sim.pendingEvents).toBe(1);
    sim.run(12);
    expect(sim.now).toBe(12);
    sim.run();
    expect(fired).toEqual([1, 5, 10, 15]);
    expect(sim.now).toBe(15);
  });

  it('stop() ends the run after the current handler and leaves later events pending', () => {
    const sim = new Simulator();
    let count = 0;
    const count3 = (): void => {
      if (++count === 3) sim.stop();
    };
    for (let i = 1; i <= 5; i++) sim.schedule(i, count3);
    sim.run(100);
    expect(count).toBe(3);
    expect(sim.now).toBe(3);
    expect(sim.pendingEvents).toBe(2);
  });

  it('cancels an event so its handler never runs, and reports remaining time of pending ones', () => {
    const sim = new Simulator();
    let ran = false;
    const h = sim.schedule(10, () => {
      ran = true;
    });
    sim.schedule(4, () => {
      expect(sim.timeOf(h) - sim.now).toBe(6);
      expect(sim.cancel(h)).toBe(true);
    });
    sim.run();
    expect(ran).toBe(false);
    expect(sim.now).toBe(4);
  });

  it('refuses negative or NaN delays and times in the past: those are bugs in the model', () => {
    const sim = new Simulator();
    sim.schedule(5, () => {});
    sim.run();
    expect(() => sim.schedule(-1, () => {})).toThrow(RangeError);
    expect(() => sim.schedule(NaN, () => {})).toThrow(RangeError);
    expect(() => sim.scheduleAt(4, () => {})).toThrow(RangeError);
    expect(() => sim.run(1)).toThrow(RangeError);
  });

  it('can start its clock at a later time, but not move it once events exist', () => {
    const sim = new Simulator();
    sim.now = 480; // a run from a snapshot taken at 08:00
    const times: number[] = [];
    sim.schedule(5, () => times.push(sim.now));
    expect(() => {
      sim.now = 0;
    }).toThrow(RangeError);
    sim.run();
    expect(times).toEqual([485]);
    expect(() => {
      sim.now = 1000;
    }).toThrow(RangeError);
  });

  it('reports the next event time, skipping cancelled ones', () => {
    const sim = new Simulator();
    const a = sim.schedule(1, () => {});
    sim.schedule(3, () => {});
    sim.cancel(a);
    expect(sim.nextEventTime()).toBe(3);
  });
});
