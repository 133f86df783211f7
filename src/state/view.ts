import { createStore } from 'zustand/vanilla';
import type { FloorBox } from '../model/floorBounds.ts';

export interface ViewState {
  /** Straight down with a narrow lens: the plan as a near-orthographic 2D drawing. */
  topView: boolean;
  /** What the camera frames; undefined = the whole floor. */
  focus: FloorBox | undefined;
  /** Bumped on every request, so asking to frame the same box again still moves the camera back. */
  request: number;
  toggleTopView(): void;
  fitPlant(): void;
  focusOn(box: FloorBox): void;
}

export function createView() {
  return createStore<ViewState>()((set) => ({
    topView: false,
    focus: undefined,
    request: 0,
    toggleTopView: () => set((s) => ({ topView: !s.topView, request: s.request + 1 })),
    fitPlant: () => set((s) => ({ focus: undefined, request: s.request + 1 })),
    focusOn: (box) => set((s) => ({ focus: box, request: s.request + 1 })),
  }));
}
