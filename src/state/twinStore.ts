import { useStore } from 'zustand';
import { bundledSamples } from './bundledSamples.ts';
import { indexedDbDrafts, memoryDrafts } from './layoutDrafts.ts';
import { createDemoStates } from './demoStates.ts';
import { createLayoutEditor, type EditorState } from './layoutEditor.ts';
import { createPlayback, type PlaybackState } from '../playback/clock.ts';
import { createTwinStore, type TwinState } from './store.ts';
import { createView, type ViewState } from './view.ts';

/** The one store of the running app; components read small slices of it through useTwin. */
export const twinStore = createTwinStore(bundledSamples);

/** Layout editing over the plant on screen, with edits kept in IndexedDB. */
export const layoutEditor = createLayoutEditor(twinStore, typeof indexedDB === 'undefined' ? memoryDrafts() : indexedDbDrafts());

/**
 * The one playback clock: state source, play/pause, speed, and `playhead`, the plant time every
 * view draws. It runs on the browser's animation frames while playing.
 */
export const playback = createPlayback(typeof requestAnimationFrame === 'undefined' ? undefined : {
  request: (callback) => requestAnimationFrame(callback),
  cancel: (handle) => cancelAnimationFrame(handle),
});
export const playbackStore = playback.store;
export const playhead = playback.playhead;

/** Camera requests: fit, focus on a box, top view. */
export const viewStore = createView();

/** Synthetic states for the timeline until simulation traces and recordings arrive. */
export const demoStates = createDemoStates(twinStore, playbackStore);

/** Plant time jumps to `minutes`; every view draws that instant once. */
export const seek = (minutes: number): void => playback.seek(minutes);

// A newly opened plant is framed whole, whatever was focused in the one before.
twinStore.subscribe((state, previous) => {
  if (state.plant && previous.plant && state.plant.layoutFile !== previous.plant.layoutFile) viewStore.getState().fitPlant();
});

export function useTwin<T>(selector: (state: TwinState) => T): T {
  return useStore(twinStore, selector);
}

export function useEditor<T>(selector: (state: EditorState) => T): T {
  return useStore(layoutEditor, selector);
}

export function usePlayback<T>(selector: (state: PlaybackState) => T): T {
  return useStore(playbackStore, selector);
}

export function useView<T>(selector: (state: ViewState) => T): T {
  return useStore(viewStore, selector);
}
