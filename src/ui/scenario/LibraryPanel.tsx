import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { scenarioLibraryStore } from '../../state/scenarioLibraryStore.ts';
import { useTwin } from '../../state/twinStore.ts';
import { downloadText } from '../downloadFile.ts';

/**
 * The planner's scenario library in the Scenario workspace: keep the scenario on screen under a
 * name, then open, clone, rename, delete or export each kept scenario (its scenario and layout
 * files). Kept in this browser; Simulate & compare's Experiment panel compares them.
 */
export function LibraryPanel() {
  const { entries, loaded, error } = useStore(scenarioLibraryStore);
  const onScreen = useTwin((s) => s.plant?.scenario?.name);
  const onScreenFile = useTwin((s) => s.plant?.scenarioFile);
  const [name, setName] = useState('');
  const [renaming, setRenaming] = useState<{ id: string; name: string }>();
  const [confirm, setConfirm] = useState<string>();
  useEffect(() => { if (!loaded) void scenarioLibraryStore.getState().load(); }, [loaded]);
  const library = scenarioLibraryStore.getState();
  const exportEntry = (id: string) => {
    for (const f of library.files(id)) downloadText(f.name.replace(/^library\//, ''), f.text);
  };
  return (
    <section className="live-panel" aria-label="Scenario library" data-testid="scenario-library">
      <h3 className="panel-title">Scenario library</h3>
      <form className="live-actions wrap" onSubmit={(e) => { e.preventDefault(); void library.keepOnScreen(name || `${onScreen ?? 'Scenario'} (copy)`).then((kept) => { if (kept) setName(''); }); }}>
        <input value={name} onChange={(e) => setName(e.target.value)} placeholder={onScreen ? `${onScreen} (copy)` : 'Name'} aria-label="Name of the kept scenario" data-testid="library-name" style={{ flex: 1, minWidth: 120 }} />
        <button type="submit" disabled={!onScreen} data-testid="library-keep" title="Keep the scenario on screen (as applied) in the library">Keep a copy</button>
      </form>
      {error && <p className="field-error" role="alert" data-testid="library-error">{error}</p>}
      {entries.length === 0 ? <p className="live-note">Nothing kept yet. Keep the scenario on screen, then change the copy.</p> : (
        <ul className="library-list">
          {entries.map((e) => (
            <li key={e.id} data-entry={e.id} className={onScreenFile === `library/${e.id}.json` ? 'on-screen' : undefined}>
              {renaming?.id === e.id ? (
                <form className="live-actions wrap" onSubmit={(ev) => { ev.preventDefault(); void library.rename(e.id, renaming.name).then((r) => { if (r) setRenaming(undefined); }); }}>
                  <input autoFocus value={renaming.name} onChange={(ev) => setRenaming({ id: e.id, name: ev.target.value })} aria-label={`New name of ${e.name}`} data-testid="library-rename-input"
                    onKeyDown={(ev) => { if (ev.key === 'Escape') setRenaming(undefined); }} />
                  <button type="submit">Rename</button>
                  <button type="button" onClick={() => setRenaming(undefined)}>Cancel</button>
                </form>
              ) : (
                <>
                  <div><b>{e.name}</b> <code className="library-id">{e.id}</code></div>
                  <div className="live-note">from {e.from}, {e.savedAt.replace('T', ' ').slice(0, 16)}{onScreenFile === `library/${e.id}.json` ? ' — on screen' : ''}</div>
                  <div className="live-actions wrap">
                    <button type="button" onClick={() => void library.open(e.id)} aria-label={`Open ${e.name}`}>Open</button>
                    <button type="button" onClick={() => void library.clone(e.id)} aria-label={`Clone ${e.name}`}>Clone</button>
                    <button type="button" onClick={() => setRenaming({ id: e.id, name: e.name })} aria-label={`Rename ${e.name}`}>Rename</button>
                    <button type="button" onClick={() => exportEntry(e.id)} aria-label={`Export ${e.name}`} title="Download its scenario and layout files">Export</button>
                    {confirm === e.id ? (
                      <>
                        <button type="button" onClick={() => { setConfirm(undefined); void library.remove(e.id); }} aria-label={`Really delete ${e.name}`}>Delete it</button>
                        <button type="button" onClick={() => setConfirm(undefined)}>Keep it</button>
                      </>
                    ) : <button type="button" onClick={() => setConfirm(e.id)} aria-label={`Delete ${e.name}`}>Delete</button>}
                  </div>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
