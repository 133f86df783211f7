import type { Layout } from '../layoutSchema.ts';
import { applyEdit, type LayoutEdit } from './layoutEdit.ts';

interface Done { edit: LayoutEdit; before: Layout }

/**
 * Undo/redo as a stack of edits: undo goes back to the layout an edit was applied to, redo
 * applies the edit again (edits are pure, so that gives the same layout). Immutable: every
 * operation returns a new history.
 */
export interface EditHistory {
  readonly present: Layout;
  readonly past: readonly Done[];
  readonly future: readonly LayoutEdit[];
}

/** A long session keeps its last few hundred steps; layouts share structure, so they are cheap. */
const LIMIT = 300;

export function startHistory(layout: Layout): EditHistory {
  return { present: layout, past: [], future: [] };
}

/** Applies an edit; one that changes nothing (a drag back to where it began) leaves no undo step. */
export function record(history: EditHistory, edit: LayoutEdit): EditHistory {
  const next = applyEdit(history.present, edit);
  if (next === history.present || JSON.stringify(next) === JSON.stringify(history.present)) return history;
  return { present: next, past: [...history.past, { edit, before: history.present }].slice(-LIMIT), future: [] };
}

export function undo(history: EditHistory): EditHistory {
  const last = history.past[history.past.length - 1];
  if (!last) return history;
  return { present: last.before, past: history.past.slice(0, -1), future: [last.edit, ...history.future] };
}

export function redo(history: EditHistory): EditHistory {
  const [edit, ...rest] = history.future;
  if (!edit) return history;
  return { present: applyEdit(history.present, edit), past: [...history.past, { edit, before: history.present }], future: rest };
}
