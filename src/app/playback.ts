import { createStore } from 'zustand/vanilla';
import { createTwinFrame, type TwinFrame, type TwinStateSource } from '../twin/stateSource.ts';

/** Speeds the timeline offers, plant seconds per wall-clock second: 1× to 10,000× in 1-2-5 steps. */
export const SPEEDS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000] as const;

export interface PlaybackState {
  /** Where states come from; none means the plant is drawn in its calm type greys. */
  source: TwinStateSource | undefined;
  /** The arrays the source writes into each frame; made once per source. */
  frame: TwinFrame | undefined;
  playing: boolean;
  speed: number;
  setSource(source: TwinStateSource | undefined): void;
  play(): void;
  pause(): void;
  setSpeed(speed: number): void;
}

/**
 * Plant time in minutes from the source's start. The frame loop advances it every frame, so it
 * is a plain mutable object rather than store state: nothing in React re-renders per frame.
 */
export interface Playhead { minutes: number }

export type PlaybackStore = ReturnType<typeof createPlayback>['store'];

export function createPlayback() {
  const playhead: Playhead = { minutes: 0 };
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
    play: () => { if (get().source) set({ playing: true }); },
    pause: () => set({ playing: false }),
    setSpeed: (speed) => set({ speed: Math.min(10_000, Math.max(1, speed)) }),
  }));
  return { store, playhead };
}

/** Moves the playhead on by `seconds` of wall-clock time at the chosen speed; pauses at the end. */
export function advancePlayhead(state: PlaybackState, playhead: Playhead, seconds: number): boolean {
  const source = state.source;
  if (!source || !state.playing) return false;
  playhead.minutes = Math.min(source.horizon, playhead.minutes + (seconds * state.speed) / 60);
  return playhead.minutes < source.horizon;
}
