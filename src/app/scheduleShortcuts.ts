import { schedulingStore } from '../state/schedulingStore.ts';
import type { Shortcut } from './workspace.ts';

const session = () => schedulingStore.getState();

/** Keys of the Schedule workspace: undo and redo of plan edits, pin the selected operation. */
export const scheduleShortcuts: readonly Shortcut[] = [
  { key: 'z', mod: true, label: 'Undo the last plan edit', run: () => session().undo() },
  { key: 'z', mod: true, shift: true, label: 'Redo', run: () => session().redo() },
  { key: 'y', mod: true, label: 'Redo', run: () => session().redo() },
  { key: 'l', label: 'Pin or unpin the selected operation', run: () => { const op = session().selected; if (op !== undefined) session().toggleLock(op); } },
];
