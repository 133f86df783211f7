import { EquipmentDetails } from '../EquipmentDetails.tsx';
import { ExperimentPanel } from '../experiments/ExperimentPanel.tsx';
import { NetworkPanel } from '../experiments/NetworkPanel.tsx';
import { LayoutComparisonPanel } from '../LayoutComparisonPanel.tsx';
import { SimulateFromHere } from '../SimulateFromHere.tsx';
import { SimulationPanel } from '../SimulationPanel.tsx';

/**
 * Runs of the scenario: replications with confidence intervals, a run from the live or recorded
 * state, the edited layout against the original, and what the selected machine did in the trace.
 */
export function SimulatePanels() {
  return (
    <>
      <h2 className="sidebar-title">Simulate &amp; compare</h2>
      <SimulationPanel />
      <ExperimentPanel />
      <NetworkPanel />
      <SimulateFromHere />
      <LayoutComparisonPanel />
      <EquipmentDetails />
    </>
  );
}
