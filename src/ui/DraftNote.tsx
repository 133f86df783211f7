import { layoutEditor, useEditor } from '../state/twinStore.ts';

const when = (iso: string) => new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** Says that the layout on screen carries edits kept in this browser, not the opened file's, and offers to drop them. */
export function DraftNote() {
  const restoredFrom = useEditor((s) => s.restoredFrom);
  if (!restoredFrom) return null;
  return (
    <section className="panel draft-note" role="status" data-testid="restored-note">
      <span>Restored unsaved layout edits from {when(restoredFrom)}; the opened file does not have them.</span>
      <button type="button" onClick={() => void layoutEditor.getState().discard()} data-testid="discard-edits">Discard edits</button>
    </section>
  );
}
