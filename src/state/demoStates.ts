import { createDemoSource } from '../playback/demoSource.ts';
import type { PlaybackStore } from '../playback/clock.ts';
import type { TwinStore } from './store.ts';

/** Time zero of demo data for a layout opened without a scenario (which would give a start). */
const DEMO_START = '2026-11-30T06:00:00Z';
const DEMO_SEED = 1;
/** Parts the demo moves unless the page asks for another number (?parts=N). */
export const DEMO_PARTS = 400;

export interface DemoStates {
  /** Shows synthetic states with `parts` moving parts for the plant on screen, following its edits. */
  show(parts: number): void;
  hide(): void;
  parts(): number | undefined;
}

/**
 * The synthetic demo as the timeline's source until simulation traces and recordings exist.
 * Rebuilt whenever the layout on screen changes, so moved machines and added ones take part.
 */
export function createDemoStates(twin: TwinStore, playback: PlaybackStore): DemoStates {
  let parts: number | undefined;
  const build = () => {
    const plant = twin.getState().plant;
    if (parts === undefined || !plant) {
      playback.getState().setSource(undefined);
      return;
    }
    playback.getState().setSource(createDemoSource(plant.layout, { seed: DEMO_SEED, parts, startIso: plant.scenario?.start ?? DEMO_START }));
  };
  twin.subscribe((state, previous) => {
    if (parts !== undefined && state.plant?.layout !== previous.plant?.layout) build();
  });
  return {
    show(count) { parts = Math.max(0, Math.floor(count)); build(); },
    hide() { parts = undefined; build(); },
    parts: () => parts,
  };
}
