import { useCallback } from 'react';
import { DraftNote } from '../ui/DraftNote.tsx';
import { EditToolbar } from '../ui/EditToolbar.tsx';
import { EquipmentDetails } from '../ui/EquipmentDetails.tsx';
import { Isa95Tree } from '../ui/Isa95Tree.tsx';
import { LiveConnection } from '../ui/LiveConnection.tsx';
import { ProblemsPanel } from '../ui/ProblemsPanel.tsx';
import { RecordingPanel } from '../ui/RecordingPanel.tsx';
import { SimulateFromHere } from '../ui/SimulateFromHere.tsx';
import { SimulationPanel } from '../ui/SimulationPanel.tsx';
import { SceneToolbar } from '../ui/SceneToolbar.tsx';
import { StateLegend } from '../ui/StateLegend.tsx';
import { Timeline } from '../ui/Timeline.tsx';
import { TopBar } from '../ui/TopBar.tsx';
import { WarningsPanel } from '../ui/WarningsPanel.tsx';
import { PlantScene } from '../twin/PlantScene.tsx';
import { openAnyFiles } from './replayStore.ts';
import { exposeTwinProbe } from './twinProbe.ts';
import { useFileDrop } from './useFileDrop.ts';

export function App() {
  const openDropped = useCallback((files: File[]) => {
    void openAnyFiles(files);
  }, []);
  const dragging = useFileDrop(openDropped);

  return (
    <div className="app">
      <TopBar />
      <aside className="sidebar">
        <h2 className="sidebar-title">Equipment</h2>
        <Isa95Tree />
        <EquipmentDetails />
        <SimulationPanel />
        <RecordingPanel />
        <LiveConnection />
        <SimulateFromHere />
      </aside>
      <main className="centre">
        <ProblemsPanel />
        <WarningsPanel />
        <DraftNote />
        <SceneToolbar />
        <EditToolbar />
        <div className="scene-area">
          <PlantScene onCreated={exposeTwinProbe} />
          <StateLegend />
        </div>
        <Timeline />
      </main>
      {dragging && <div className="drop-overlay" aria-hidden="true">Drop a layout or a scenario (with its layout) to open it, or a recording to replay it</div>}
    </div>
  );
}
