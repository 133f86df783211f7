import { describe, expect, it } from 'vitest';
import { Activity } from '../../src/sim/activity.ts';
import { Simulator } from '../../src/sim/simulator.ts';

function setup(): { sim: Simulator; done: number[]; work: Activity<string> } {
  const sim = new Simulator();
  const done: number[] = [];
  const work = new Activity(sim, () => done.push(sim.now), 'job');
  return { sim, done, work };
}

describe('Activity (preemptive resume)', () => {
  it('completes after its duration when never paused', () => {
    const { sim, done, work } = setup();
    work.start(7);
    sim.run();
    expect(done).toEqual([7]);
    expect(work.isActive).toBe(false);
  });

  it('resumes with the remaining time after a pause', () => {
    const { sim, done, work } = setup();
    work.start(10);
    sim.schedule(4, () => work.pause()); // 6 left
    sim.schedule(9, () => {
      expect(work.remaining).toBe(6);
      work.resume();
    });
    sim.run();
    expect(done).toEqual([15]);
  });

  it('nests pauses: work continues only when every pause is resumed', () => {
    const { sim, done, work } = setup();
    work.start(10);
    sim.schedule(2, () => work.pause()); // failure: 8 left
    sim.schedule(3, () => work.pause()); // break starts
    sim.schedule(5, () => work.resume()); // repair ends, still on break
    sim.schedule(8, () => work.resume()); // break ends
    sim.run();
    expect(done).toEqual([16]);
  });

  it('completes work due at the very instant of a pause (a shift ending as the work does)', () => {
    const { sim, done, work } = setup();
    sim.schedule(5, () => work.pause()); // scheduled first: runs before the completion at 5
    work.start(5);
    sim.schedule(8, () => work.resume());
    sim.run();
    expect(done).toEqual([5]);
    // Started again while still paused: waits for the resume, scheduled once.
    const again = setup();
    again.sim.schedule(5, () => again.work.pause());
    again.work.start(5);
    again.sim.schedule(5, () => again.work.resume());
    again.sim.run();
    expect(again.done).toEqual([5]);
  });

  it('does not progress when started while paused', () => {
    const { sim, done, work } = setup();
    work.pause();
    sim.schedule(1, () => work.start(5));
    sim.schedule(4, () => work.resume());
    sim.run();
    expect(done).toEqual([9]);
  });

  it('can be cancelled and started again', () => {
    const { sim, done, work } = setup();
    work.start(10);
    sim.schedule(3, () => {
      work.cancel();
      expect(work.remaining).toBe(0);
      work.start(2);
    });
    sim.run();
    expect(done).toEqual([5]);
  });

  it('can be held as Activity<unknown> whatever its data type (for lists of clocks to pause)', () => {
    const sim = new Simulator();
    const machine = { name: 'M1', finished: 0 };
    const clocks: Activity<unknown>[] = [new Activity(sim, (m: typeof machine) => m.finished++, machine)];
    clocks[0]!.start(1);
    sim.run();
    expect(machine.finished).toBe(1);
  });

  it('rejects starting twice and resuming what is not paused', () => {
    const { work } = setup();
    work.start(1);
    expect(() => work.start(1)).toThrow();
    expect(() => work.resume()).toThrow();
  });
});
