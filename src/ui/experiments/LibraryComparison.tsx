import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { comparisonExperiment, MAX_COMPARED } from '../../scenario/library.ts';
import { centreView } from '../../state/centreView.ts';
import { experimentStore } from '../../state/experimentStore.ts';
import { scenarioLibraryStore } from '../../state/scenarioLibraryStore.ts';
import { downloadText } from '../downloadFile.ts';

/**
 * Scenarios of the library compared side by side: an experiment made from the chosen entries
 * (the first is the base of the paired differences), run on the pool like any experiment file —
 * and offered as files, so `plant-twin experiment` gives the same numbers.
 */
export function LibraryComparison() {
  const { entries, loaded } = useStore(scenarioLibraryStore);
  const running = useStore(experimentStore, (s) => s.status === 'running' || s.status === 'loading');
  const [chosen, setChosen] = useState<string[]>([]);
  const [replications, setReplications] = useState(10);
  useEffect(() => { if (!loaded) void scenarioLibraryStore.getState().load(); }, [loaded]);
  const picked = chosen.map((id) => entries.find((e) => e.id === id)).filter((e) => e !== undefined);
  const valid = picked.length >= 2 && picked.length <= MAX_COMPARED && Number.isInteger(replications) && replications >= 2;
  const files = () => picked.flatMap((e) => scenarioLibraryStore.getState().files(e.id));
  const toggle = (id: string, on: boolean) => setChosen((c) => (on ? [...c.filter((x) => x !== id), id] : c.filter((x) => x !== id)));
  if (entries.length === 0) return <p className="live-note">Keep scenarios in the library (Scenario workspace) to compare them here.</p>;
  return (
    <fieldset className="library-compare" data-testid="library-compare">
      <legend>Compare library scenarios</legend>
      {entries.map((e) => (
        <label key={e.id} className="library-choice">
          <input type="checkbox" checked={chosen.includes(e.id)} onChange={(ev) => toggle(e.id, ev.target.checked)} disabled={!chosen.includes(e.id) && chosen.length >= MAX_COMPARED} />
          {' '}{e.name}{chosen[0] === e.id ? ' (base)' : ''}
        </label>
      ))}
      <div className="live-actions wrap">
        <label>Replications <input type="number" min={2} value={replications} onChange={(e) => setReplications(Number(e.target.value))} style={{ width: 56 }} aria-label="Replications of each scenario" /></label>
        <button type="button" disabled={!valid || running} data-testid="library-compare-run"
          onClick={() => { centreView.getState().showResults('experiment'); void experimentStore.getState().run(comparisonExperiment(picked, replications), files()); }}>Compare</button>
        <button type="button" disabled={!valid} title="The experiment file and every scenario and layout file, for plant-twin experiment"
          onClick={() => { for (const f of [comparisonExperiment(picked, replications), ...files()]) downloadText(f.name.replace(/^library\//, ''), f.text); }}>Export for the CLI</button>
      </div>
      {!valid && <p className="live-note">Choose 2 to {MAX_COMPARED} scenarios{replications < 2 ? ' and at least 2 replications' : ''}; the first chosen is the base.</p>}
    </fieldset>
  );
}
