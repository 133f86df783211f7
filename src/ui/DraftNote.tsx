import { layoutEditor, useEditor } from '../state/twinStore.ts';

const when = (iso: string) => new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** Says that the layout on screen carries edits kept in this browser, not the opened file's, and offers to drop them. */
export function DraftNote() {
  const restoredFrom = useEditor((s) => s.restoredFrom);
  const savedFile = useEditor((s) => s.savedFile);
  const history = useEditor((s) => s.history);
  if (!restoredFrom) return null;
  // Edits that were saved as a file are not "unsaved"; ones made after that save are.
  const saved = savedFile !== undefined && history !== undefined && savedFile.layout === history.present;
  return (
    <section className="panel draft-note" role="status" data-testid="restored-note" data-saved={saved || undefined}>
      <span>
        {saved
          ? `Showing your layout edits, saved as ${savedFile.name} on ${when(savedFile.at)}; the opened file does not have them.`
          : `Restored unsaved layout edits from ${when(restoredFrom)}; the opened file does not have them.`}
      </span>
      <button type="button" onClick={() => void layoutEditor.getState().discard()} data-testid="discard-edits">Discard edits</button>
    </section>
  );
}
