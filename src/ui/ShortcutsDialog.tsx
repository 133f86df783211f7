import { useEffect, useRef } from 'react';

export interface ShortcutRow { keys: string; label: string }
export interface ShortcutGroup { title: string; rows: readonly ShortcutRow[] }

/** Every keyboard shortcut in force, and the switch for single-key ones. A modal <dialog>: Escape closes it. */
export function ShortcutsDialog({ open, groups, singleKeys, onSingleKeys, onClose }: {
  open: boolean;
  groups: readonly ShortcutGroup[];
  singleKeys: boolean;
  onSingleKeys(on: boolean): void;
  onClose(): void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={dialog} className="shortcuts-dialog" aria-labelledby="shortcuts-title" onClose={onClose} data-testid="shortcuts-dialog">
      <header className="panel-header">
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <button type="button" className="quiet" onClick={onClose} aria-label="Close keyboard shortcuts">×</button>
      </header>
      <label className="shortcuts-switch">
        <input type="checkbox" checked={singleKeys} onChange={(e) => onSingleKeys(e.target.checked)} data-testid="single-key-shortcuts" />
        Single-key shortcuts (keys without Ctrl)
      </label>
      {groups.map((g) => (
        <section key={g.title} aria-label={g.title}>
          <h3>{g.title}</h3>
          <table className="shortcuts-table">
            <tbody>
              {g.rows.map((r) => <tr key={r.keys + r.label}><td><kbd>{r.keys}</kbd></td><td>{r.label}</td></tr>)}
            </tbody>
          </table>
        </section>
      ))}
    </dialog>
  );
}
