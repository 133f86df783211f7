import { EquipmentDetails } from '../EquipmentDetails.tsx';
import { Isa95Tree } from '../Isa95Tree.tsx';
import { LiveConnection } from '../LiveConnection.tsx';
import { NeedsAttention } from '../NeedsAttention.tsx';
import { RecordingPanel } from '../RecordingPanel.tsx';

/** The plant as it is: the ISA-95 tree, the selected equipment, live states and recordings. */
export function TwinPanels() {
  return (
    <>
      <h2 className="sidebar-title">Equipment</h2>
      <NeedsAttention />
      <Isa95Tree />
      <EquipmentDetails />
      <RecordingPanel />
      <LiveConnection />
    </>
  );
}
