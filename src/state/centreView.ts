import { createStore } from 'zustand/vanilla';

export type SimulateView = 'experiment' | 'network';

export interface CentreViewState {
  /** The scenario editor fills the Scenario workspace's centre above the twin. */
  scenarioEditor: boolean;
  /** Which results fill the Simulate workspace's centre above the twin; undefined: the twin alone. */
  simulate: SimulateView | undefined;
  showScenarioEditor(on: boolean): void;
  showResults(view: SimulateView | undefined): void;
}

/**
 * What a workspace shows in its centre beside the twin (the shell's `main` slot): the side
 * panels open and close it, the centre view reads it. Nothing shown, the twin takes the centre.
 */
export const centreView = createStore<CentreViewState>()((set) => ({
  scenarioEditor: false,
  simulate: undefined,
  showScenarioEditor: (scenarioEditor) => set({ scenarioEditor }),
  showResults: (simulate) => set({ simulate }),
}));
