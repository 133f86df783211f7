import { useStore } from 'zustand';
import { observedInRecording, observedLive } from '../live/snapshot.ts';
import { isRecordingSource } from '../playback/recordingSource.ts';
import { createFromHere, type FromHereState, type Observation } from './simulateFromHere.ts';
import { liveConnection } from './liveStore.ts';
import { replayStore } from './replayStore.ts';
import { simPool } from './simulationStore.ts';
import { playbackStore, playhead, twinStore } from './twinStore.ts';

/** The fresh live states, while connected: of the newest time heard (a simulated plant runs in its own time, not the browser's). */
export function observeLive(): Observation | undefined {
  const live = liveConnection.getState().source;
  if (!live) return undefined;
  const all = live.live.all();
  const newest = all.reduce((t, s) => Math.max(t, s.ts), Number.NEGATIVE_INFINITY);
  return { from: 'live', timeIso: new Date(Number.isFinite(newest) ? newest : Date.now()).toISOString(), states: observedLive(all) };
}

/** The recording on the timeline, at the playhead. */
export function observeRecording(): Observation | undefined {
  const source = playbackStore.getState().source;
  if (!isRecordingSource(source)) return undefined;
  const ms = source.startMs + playhead.minutes * 60_000;
  return { from: 'recording', timeIso: new Date(ms).toISOString(), states: observedInRecording(source.index, ms), unmapped: replayStore.getState().match?.unmapped ?? [] };
}

/** What the scene shows: the recording at the playhead, or the live states (also while another source is shown). */
const observe = (): Observation | undefined => (isRecordingSource(playbackStore.getState().source) ? observeRecording() : observeLive());

export const fromHereStore = createFromHere(twinStore, observe, simPool);

export function useFromHere<T>(selector: (state: FromHereState) => T): T {
  return useStore(fromHereStore, selector);
}
