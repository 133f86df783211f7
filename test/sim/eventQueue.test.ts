import { describe, expect, it } from 'vitest';
import { EventQueue, NO_EVENT, type EventHandle } from '../../src/sim/eventQueue.ts';
import { RandomStream, streamState } from '../../src/sim/random.ts';

/** Pops everything and returns the data of each event in firing order. */
function fireAll(queue: EventQueue): unknown[] {
  const order: unknown[] = [];
  while (queue.popDue(Infinity)) order.push(queue.dueData);
  return order;
}

const noop = (): void => {};

describe('EventQueue', () => {
  it('fires events in time order', () => {
    const queue = new EventQueue();
    for (const t of [5, 1, 4, 2, 3]) queue.push(t, noop, t);
    expect(fireAll(queue)).toEqual([1, 2, 3, 4, 5]);
  });

  it('breaks ties by insertion order, also across growth of the heap', () => {
    const queue = new EventQueue(4);
    const stream = new RandomStream(streamState(7, 0, 'ties'));
    const expected: [number, number][] = [];
    for (let i = 0; i < 5000; i++) {
      const time = stream.nextUint32() % 20; // many equal times
      queue.push(time, noop, i);
      expected.push([time, i]);
    }
    expected.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    expect(fireAll(queue)).toEqual(expected.map(([, i]) => i));
  });

  it('keeps insertion order among equal times when pushes and pops interleave', () => {
    const queue = new EventQueue();
    queue.push(1, noop, 'a');
    queue.push(2, noop, 'b1');
    queue.popDue(Infinity); // fires a at 1
    queue.push(2, noop, 'b2');
    queue.push(2, noop, 'b3');
    queue.push(1.5, noop, 'c');
    expect(fireAll(queue)).toEqual(['c', 'b1', 'b2', 'b3']);
  });

  it('never fires a cancelled event and reports it as not pending', () => {
    const queue = new EventQueue();
    const handles = [3, 1, 2].map((t) => queue.push(t, noop, t));
    expect(queue.cancel(handles[1]!)).toBe(true);
    expect(queue.isPending(handles[1]!)).toBe(false);
    expect(queue.timeOf(handles[1]!)).toBeNaN();
    expect(queue.pending).toBe(2);
    expect(fireAll(queue)).toEqual([2, 3]);
  });

  it('refuses to cancel twice, after firing, or NO_EVENT', () => {
    const queue = new EventQueue();
    const a = queue.push(1, noop, 'a');
    const b = queue.push(2, noop, 'b');
    expect(queue.cancel(a)).toBe(true);
    expect(queue.cancel(a)).toBe(false);
    queue.popDue(Infinity);
    expect(queue.cancel(b)).toBe(false);
    expect(queue.cancel(NO_EVENT)).toBe(false);
    expect(queue.cancel(123456789 as EventHandle)).toBe(false);
  });

  it('does not let a stale handle cancel a later event that reuses its slot', () => {
    const queue = new EventQueue(4);
    const old = queue.push(1, noop, 'old');
    queue.popDue(Infinity);
    const fresh = queue.push(2, noop, 'fresh');
    expect(fresh & 0xffffff).toBe(old & 0xffffff); // same slot, new generation
    expect(queue.cancel(old)).toBe(false);
    expect(queue.isPending(fresh)).toBe(true);
    expect(fireAll(queue)).toEqual(['fresh']);
  });

  it('tells when a pending event is due', () => {
    const queue = new EventQueue();
    const h = queue.push(42.5, noop, null);
    expect(queue.timeOf(h)).toBe(42.5);
  });

  it('pops only events due at or before the limit', () => {
    const queue = new EventQueue();
    queue.push(1, noop, 'a');
    queue.push(2, noop, 'b');
    expect(queue.popDue(1.5)).toBe(true);
    expect(queue.dueTime).toBe(1);
    expect(queue.dueData).toBe('a');
    expect(queue.popDue(1.5)).toBe(false);
    expect(queue.peekTime()).toBe(2);
  });

  it('skips cancelled entries when peeking at the next time', () => {
    const queue = new EventQueue();
    const first = queue.push(1, noop, 'a');
    queue.push(2, noop, 'b');
    queue.cancel(first);
    expect(queue.peekTime()).toBe(2);
    queue.popDue(Infinity);
    expect(queue.peekTime()).toBe(Infinity);
  });

  it('matches a sorted reference under random pushes, pops and cancels', () => {
    const queue = new EventQueue(4);
    const stream = new RandomStream(streamState(11, 0, 'fuzz'));
    const reference = new Map<number, { time: number; seq: number }>();
    const handles = new Map<number, EventHandle>();
    let seq = 0;
    let now = 0;
    for (let step = 0; step < 6000; step++) {
      const action = stream.nextUint32() % 10;
      if (action < 5) {
        const time = now + (stream.nextUint32() % 50);
        const id = seq++;
        handles.set(id, queue.push(time, noop, id));
        reference.set(id, { time, seq: id });
      } else if (action < 7 && reference.size > 0) {
        const ids = [...reference.keys()];
        const id = ids[stream.nextUint32() % ids.length]!;
        expect(queue.cancel(handles.get(id)!)).toBe(true);
        reference.delete(id);
      } else if (reference.size > 0) {
        expect(queue.popDue(Infinity)).toBe(true);
        const expected = [...reference.values()].sort((a, b) => a.time - b.time || a.seq - b.seq)[0]!;
        expect([queue.dueTime, queue.dueData]).toEqual([expected.time, expected.seq]);
        reference.delete(expected.seq);
        now = queue.dueTime;
      }
      expect(queue.pending).toBe(reference.size);
    }
  });
});
