import { useStore } from 'zustand';
import { createReplay, localMappingMemory, type ReplayState } from './recordingReplay.ts';
import { splitRecordings } from './recordingFiles.ts';
import type { TextFile } from './openPlant.ts';
import { readFiles } from './readFiles.ts';
import { demoStates, playbackStore, twinStore } from './twinStore.ts';

export const replayStore = createReplay(twinStore, playbackStore, () => demoStates.hide(), {
  memory: localMappingMemory(typeof localStorage === 'undefined' ? undefined : localStorage),
});

export function useReplay<T>(selector: (state: ReplayState) => T): T {
  return useStore(replayStore, selector);
}

/**
 * Opens chosen or dropped files: plant files (layout, scenario) first, then a recording (the
 * last one, if several) replayed over that plant.
 */
export async function openAnyFiles(files: readonly File[], read: (files: readonly File[]) => Promise<TextFile[]> = readFiles): Promise<void> {
  const { recordings, plantFiles } = splitRecordings(files);
  if (plantFiles.length > 0) await twinStore.getState().openFiles(await read(plantFiles));
  const recording = recordings[recordings.length - 1];
  if (recording) await replayStore.getState().open(recording);
}
