import { useTwin } from '../../state/twinStore.ts';
import { Placeholder } from './Placeholder.tsx';

/** What the scenario on screen holds; editing it and running experiments on it come here. */
export function ScenarioPanels() {
  const scenario = useTwin((s) => s.plant?.scenario);
  const file = useTwin((s) => s.plant?.scenarioFile);
  return (
    <Placeholder title="Scenario">
      {scenario ? (
        <dl className="scenario-facts" data-testid="scenario-facts">
          <dt>Name</dt><dd>{scenario.name}</dd>
          <dt>File</dt><dd><code>{file}</code></dd>
          <dt>Starts</dt><dd>{scenario.start}</dd>
          <dt>Products</dt><dd>{scenario.products.length}</dd>
          <dt>Orders</dt><dd>{scenario.orders.length}</dd>
        </dl>
      ) : <p>Open a scenario (a layout alone has no products or orders).</p>}
      <p className="placeholder-note">Cloning the scenario, changing demand, shifts and machines, and experiments with confidence intervals will be built here.</p>
    </Placeholder>
  );
}
