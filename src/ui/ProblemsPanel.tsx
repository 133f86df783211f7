import { twinStore, useTwin } from '../state/twinStore.ts';
import { ProblemList } from './ProblemList.tsx';

const dismiss = () => twinStore.getState().dismissFailure();

/** Why the last files could not be opened, and that the plant on screen is still the previous one. */
export function ProblemsPanel() {
  const failure = useTwin((s) => s.failure);
  const shown = useTwin((s) => s.plant?.scenario?.name ?? s.plant?.layout.name);
  if (!failure) return null;
  const count = failure.problems.length;
  return (
    <section className="panel problems" role="alert" data-testid="problems" aria-labelledby="problems-title">
      <header className="panel-header">
        <h2 id="problems-title">
          Could not open {failure.files.join(', ')}: {count} {count === 1 ? 'problem' : 'problems'}
        </h2>
        <button type="button" className="quiet" onClick={dismiss} aria-label="Dismiss problems">×</button>
      </header>
      <p className="problems-note">
        {shown ? <>Nothing was loaded from it; still showing <strong>{shown}</strong>.</> : 'Nothing was loaded from it.'}
      </p>
      <ProblemList problems={failure.problems} data={failure.data} />
    </section>
  );
}
