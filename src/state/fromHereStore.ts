import { useStore } from 'zustand';
import { observedInRecording, observedLive } from '../live/snapshot.ts';
import { isRecordingSource } from '../playback/recordingSource.ts';
import { createFromHere, type FromHereState, type Observation } from './simulateFromHere.ts';
import { liveConnection } from './liveStore.ts';
import { simPool } from './simulationStore.ts';
import { playbackStore, playhead, twinStore } from './twinStore.ts';

/** Live states while connected, else the recording on the timeline at the playhead. */
function observe(): Observation | undefined {
  const live = liveConnection.getState().source;
  if (live) {
    // The plant's clock, not the browser's: the newest timestamp heard (a simulated plant runs in its own time).
    const all = live.live.all();
    const newest = all.reduce((t, s) => Math.max(t, s.ts), Number.NEGATIVE_INFINITY);
    return { from: 'live', timeIso: new Date(Number.isFinite(newest) ? newest : Date.now()).toISOString(), states: observedLive(all) };
  }
  const source = playbackStore.getState().source;
  if (isRecordingSource(source)) {
    const ms = source.startMs + playhead.minutes * 60_000;
    return { from: 'recording', timeIso: new Date(ms).toISOString(), states: observedInRecording(source.index, ms) };
  }
  return undefined;
}

export const fromHereStore = createFromHere(twinStore, observe, simPool);

export function useFromHere<T>(selector: (state: FromHereState) => T): T {
  return useStore(fromHereStore, selector);
}
