import { describe, expect, it } from 'vitest';
import { createPlayback, type FrameScheduler } from '../../src/playback/clock.ts';
import type { TwinStateSource } from '../../src/playback/stateSource.ts';

function source(horizon: number): TwinStateSource {
  return {
    label: 'test', equipmentIds: ['A'], startIso: '2026-01-05T06:00:00Z', horizon, maxParts: 0,
    sample: (_m, frame) => { frame.partCount = 0; },
    timeInState: () => {},
  };
}

/** Animation frames cranked by hand: `frame(ms)` runs what was requested. */
function handCranked(): FrameScheduler & { frame(ms: number): void; pending(): number } {
  let next = 1;
  const waiting = new Map<number, (t: number) => void>();
  return {
    request(callback) { waiting.set(next, callback); return next++; },
    cancel(handle) { waiting.delete(handle); },
    frame(ms) { const due = [...waiting.values()]; waiting.clear(); for (const f of due) f(ms); },
    pending: () => waiting.size,
  };
}

describe('the playback clock', () => {
  it('moves plant time by wall time × speed on animation frames while playing, and tells its views each frame', () => {
    const frames = handCranked();
    const clock = createPlayback(frames);
    let draws = 0;
    clock.subscribe(() => draws++);
    clock.store.getState().setSource(source(600));
    clock.store.getState().setSpeed(60);
    const before = draws;
    clock.store.getState().play();
    frames.frame(1000);
    frames.frame(1100);
    frames.frame(1200);
    // 0.2 s of wall time at 60× is 12 plant seconds = 0.2 minutes.
    expect(clock.playhead.minutes).toBeCloseTo(0.2, 10);
    expect(draws - before).toBeGreaterThanOrEqual(3);
    clock.store.getState().pause();
    expect(frames.pending()).toBe(0);
  });

  it('does not jump more than a quarter second of wall time after a hidden tab', () => {
    const frames = handCranked();
    const clock = createPlayback(frames);
    clock.store.getState().setSource(source(100_000));
    clock.store.getState().setSpeed(600);
    clock.store.getState().play();
    frames.frame(0);
    frames.frame(60_000);
    expect(clock.playhead.minutes).toBeCloseTo((0.25 * 600) / 60, 10);
  });

  it('pauses at the horizon, and Play at the end starts from the beginning', () => {
    const frames = handCranked();
    const clock = createPlayback(frames);
    clock.store.getState().setSource(source(1));
    clock.store.getState().setSpeed(10_000);
    clock.store.getState().play();
    frames.frame(0);
    frames.frame(200);
    expect(clock.playhead.minutes).toBe(1);
    expect(clock.store.getState().playing).toBe(false);
    expect(frames.pending()).toBe(0);
    clock.store.getState().play();
    expect(clock.playhead.minutes).toBe(0);
  });

  it('clamps a seek to the source and tells every view once', () => {
    const clock = createPlayback();
    clock.store.getState().setSource(source(500));
    const seen: number[] = [];
    const stop = clock.subscribe(() => seen.push(clock.playhead.minutes));
    clock.seek(800);
    clock.seek(-5);
    clock.seek(Number.NaN);
    clock.seek(123);
    expect(seen).toEqual([500, 0, 0, 123]);
    stop();
    clock.seek(1);
    expect(seen).toHaveLength(4);
  });

  it('keeps the playhead when a source of the same horizon replaces the old one, and resets it otherwise', () => {
    const clock = createPlayback();
    clock.store.getState().setSource(source(500));
    clock.seek(200);
    clock.store.getState().setSource(source(500));
    expect(clock.playhead.minutes).toBe(200);
    clock.store.getState().setSource(source(400));
    expect(clock.playhead.minutes).toBe(0);
  });

  it('cannot play without a source', () => {
    const clock = createPlayback(handCranked());
    clock.store.getState().play();
    expect(clock.store.getState().playing).toBe(false);
  });
});
