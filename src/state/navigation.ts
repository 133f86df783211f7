import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';

export interface NavigationState {
  /** Id of the workspace on screen (the hash route's first segment). */
  workspace: string;
  /** Shows another workspace; the app's router puts it in the URL, so Back returns. */
  go(workspace: string): void;
}

/**
 * Which workspace is on screen. Panels call `go` to send the user elsewhere (an approved
 * schedule to Publish, say) without knowing about routes; the app keeps it and the URL in step.
 */
export const navigation = createStore<NavigationState>()((set) => ({
  workspace: 'twin',
  go: (workspace) => set({ workspace }),
}));

export function useNavigation<T>(selector: (state: NavigationState) => T): T {
  return useStore(navigation, selector);
}
