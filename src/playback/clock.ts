import { createStore, type StoreApi } from 'zustand/vanilla';
import { createTwinFrame, type TwinFrame, type TwinStateSource } from './stateSource.ts';

/** Speeds the timeline offers, plant seconds per wall-clock second: 1× to 10,000× in 1-2-5 steps. */
export const SPEEDS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000] as const;

/** A wall-clock second longer than this (a hidden tab, a slow frame) must not jump hours of plant time at 10,000×. */
const LONGEST_STEP_SECONDS = 0.25;

export interface PlaybackState {
  /** Where states come from; none means the plant is drawn in its calm type greys. */
  source: TwinStateSource | undefined;
  /** The arrays the twin has the source write into each frame; made once per source. */
  frame: TwinFrame | undefined;
  playing: boolean;
  speed: number;
  setSource(source: TwinStateSource | undefined): void;
  play(): void;
  pause(): void;
  setSpeed(speed: number): void;
}

/**
 * Plant time in minutes from the source's start. The clock moves it every animation frame while
 * playing, so it is a plain mutable object rather than store state: nothing in React re-renders
 * per frame; views read it when the clock tells them to draw.
 */
export interface Playhead { minutes: number }

export type PlaybackStore = StoreApi<PlaybackState>;

/** Animation frames, injected so the clock runs in Node tests with a hand-cranked scheduler. */
export interface FrameScheduler {
  request(callback: (timeMs: number) => void): number;
  cancel(handle: number): void;
}

/**
 * The one playback clock of the app: the twin, the timeline and the Gantt all draw the instant
 * it holds. Views subscribe; the clock calls them once per animation frame while playing, and
 * once after anything else that changes what an instant looks like (a seek, another source,
 * play or pause, a live message that arrived — `changed()`).
 */
export interface PlaybackClock {
  readonly store: PlaybackStore;
  readonly playhead: Playhead;
  /** Plant time jumps to `minutes`, clamped to the source's horizon. */
  seek(minutes: number): void;
  /** The picture of the current instant changed without time moving: every view draws once. */
  changed(): void;
  /** `listener` runs whenever views should draw; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
  /** Moves the playhead on by `seconds` of wall-clock time at the chosen speed; pauses at the end. */
  tick(seconds: number): void;
}

export function createPlayback(frames?: FrameScheduler): PlaybackClock {
  const playhead: Playhead = { minutes: 0 };
  const listeners = new Set<() => void>();
  const notify = () => { for (const listener of [...listeners]) listener(); };

  const store = createStore<PlaybackState>()((set, get) => ({
    source: undefined,
    frame: undefined,
    playing: false,
    speed: 100,
    setSource(source) {
      const previous = get().source;
      // The same horizon (a demo rebuilt after a layout edit) keeps the playhead where it was.
      if (!source || !previous || previous.horizon !== source.horizon) playhead.minutes = 0;
      set({ source, frame: source ? createTwinFrame(source) : undefined, playing: source ? get().playing : false });
    },
    play: () => {
      const { source } = get();
      if (!source) return;
      // Play at the end starts again from the beginning, as a media player does.
      if (playhead.minutes >= source.horizon) playhead.minutes = 0;
      set({ playing: true });
    },
    pause: () => set({ playing: false }),
    setSpeed: (speed) => set({ speed: Math.min(10_000, Math.max(1, speed)) }),
  }));

  const tick = (seconds: number) => {
    if (!advancePlayhead(store.getState(), playhead, Math.min(Math.max(0, seconds), LONGEST_STEP_SECONDS))) store.getState().pause();
    notify();
  };

  // While playing, one animation-frame loop moves time on for every view.
  let handle: number | undefined;
  let last: number | undefined;
  const frame = (timeMs: number) => {
    handle = undefined;
    if (!store.getState().playing) return;
    const seconds = last === undefined ? 0 : (timeMs - last) / 1000;
    last = timeMs;
    tick(seconds);
    if (store.getState().playing && frames) handle = frames.request(frame);
  };

  store.subscribe((state, previous) => {
    if (state.playing && !previous.playing && frames && handle === undefined) {
      last = undefined;
      handle = frames.request(frame);
    }
    if (!state.playing && handle !== undefined && frames) {
      frames.cancel(handle);
      handle = undefined;
    }
    if (state.playing !== previous.playing || state.source !== previous.source || state.frame !== previous.frame) notify();
  });

  return {
    store,
    playhead,
    seek(minutes) {
      const horizon = store.getState().source?.horizon ?? 0;
      playhead.minutes = Math.min(Math.max(0, Number.isFinite(minutes) ? minutes : 0), horizon);
      notify();
    },
    changed: notify,
    subscribe(listener) {
      listeners.add(listener);
      return () => { listeners.delete(listener); };
    },
    tick,
  };
}

/** Moves the playhead on by `seconds` of wall-clock time at the chosen speed; false once at the end (or not playing). */
export function advancePlayhead(state: PlaybackState, playhead: Playhead, seconds: number): boolean {
  const source = state.source;
  if (!source || !state.playing) return false;
  playhead.minutes = Math.min(source.horizon, playhead.minutes + (seconds * state.speed) / 60);
  return playhead.minutes < source.horizon;
}
