import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

export type ScheduleView = 'gantt' | 'risk' | 'dispatch';

/** Which view the Schedule workspace's centre shows; the side panel switches it too (Assess risk shows the risk). */
export const scheduleView = createStore<{ view: ScheduleView; show(view: ScheduleView): void }>()((set) => ({
  view: 'gantt',
  show: (view) => set({ view }),
}));

export function useScheduleView(): ScheduleView {
  return useStore(scheduleView, (s) => s.view);
}
