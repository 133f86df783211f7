import { useTwin } from '../state/twinStore.ts';
import { ProblemList } from './ProblemList.tsx';

/** Loadable but suspicious findings about the plant on screen; folded away by default. */
export function WarningsPanel() {
  const warnings = useTwin((s) => s.warnings);
  const plant = useTwin((s) => s.plant);
  if (warnings.length === 0) return null;
  const data = plant ? { [plant.layoutFile]: plant.layout, ...(plant.scenarioFile && plant.scenario ? { [plant.scenarioFile]: plant.scenario } : {}) } : undefined;
  return (
    <details className="panel warnings" role="status" data-testid="warnings">
      <summary>{warnings.length} {warnings.length === 1 ? 'warning' : 'warnings'} about this plant</summary>
      <ProblemList problems={warnings} data={data} />
    </details>
  );
}
