import { Canvas, type RootState } from '@react-three/fiber';
import { OrbitControls } from '@react-three/drei';
import { MOUSE } from 'three';
import { layoutEditor, playbackStore, playhead, twinStore, useEditor, usePlayback, useTwin, useView } from '../app/twinStore.ts';
import type { Layout } from '../model/layoutSchema.ts';
import { BufferBars } from './BufferBars.tsx';
import { CameraRig } from './CameraRig.tsx';
import { EquipmentInstances } from './EquipmentInstances.tsx';
import { FloorGrid } from './FloorGrid.tsx';
import { PathLines } from './PathLines.tsx';
import { PlaybackDriver } from './PlaybackDriver.tsx';
import { SelectionLabel } from './SelectionLabel.tsx';
import { WipParts } from './WipParts.tsx';
import { useEquipmentDrag } from './useEquipmentDrag.ts';

const select = (id: string) => twinStore.getState().select(id);
const drag = (id: string, x: number, y: number) => layoutEditor.getState().preview({ kind: 'move', id, x, y });
const drop = (id: string, x: number, y: number) => layoutEditor.getState().commit({ kind: 'move', id, x, y });
const orbitButtons = { LEFT: MOUSE.ROTATE, MIDDLE: MOUSE.DOLLY, RIGHT: MOUSE.PAN };
/** In top view the left button pans the plan; rotating would leave the 2D view. */
const topViewButtons = { LEFT: MOUSE.PAN, MIDDLE: MOUSE.DOLLY, RIGHT: MOUSE.PAN };

/** The 3D twin: floor, equipment, buffers, parts and transport paths of the plant on screen. */
export function PlantScene({ onCreated }: { onCreated?: (state: RootState) => void }) {
  const layout = useTwin((s) => s.plant?.layout);
  const plantKey = useTwin((s) => (s.plant ? `${s.plant.layoutFile}#${s.plant.scenarioFile ?? ''}` : ''));
  const topView = useView((s) => s.topView);
  return (
    <div className="scene" data-testid="twin-canvas">
      {/* preserveDrawingBuffer lets tests and screenshots read the pixels back; "demand" renders
          only when something changed, which keeps an idle twin off the CPU. */}
      <Canvas frameloop="demand" dpr={[1, 2]} gl={{ preserveDrawingBuffer: true, antialias: true }} camera={{ fov: 40, position: [0, 40, 40] }} onCreated={onCreated}>
        <color attach="background" args={['#eef0f2']} />
        <hemisphereLight args={['#ffffff', '#b9bec4', 1.6]} />
        <directionalLight position={[-30, 60, 40]} intensity={1.4} />
        <OrbitControls makeDefault maxPolarAngle={Math.PI / 2.05} enableRotate={!topView} mouseButtons={topView ? topViewButtons : orbitButtons} />
        <PlaybackDriver playback={playbackStore} playhead={playhead} />
        {layout && <PlantContent layout={layout} plantKey={plantKey} />}
      </Canvas>
    </div>
  );
}

function PlantContent({ layout, plantKey }: { layout: Layout; plantKey: string }) {
  const selected = useTwin((s) => s.selected);
  const editing = useEditor((s) => s.editing);
  const frame = usePlayback((s) => s.frame);
  const sourceIds = usePlayback((s) => s.source?.equipmentIds);
  const focus = useView((s) => s.focus);
  const request = useView((s) => s.request);
  const topView = useView((s) => s.topView);
  const press = useEquipmentDrag(layout, drag, drop);
  return (
    <>
      <CameraRig layout={layout} plantKey={plantKey} focus={focus} request={request} topView={topView} />
      <FloorGrid layout={layout} />
      <PathLines layout={layout} />
      <EquipmentInstances layout={layout} selected={selected} onSelect={select} frame={frame} sourceIds={sourceIds} onPress={editing ? press : undefined} />
      <BufferBars layout={layout} frame={frame} sourceIds={sourceIds} />
      {frame && <WipParts frame={frame} />}
      <SelectionLabel layout={layout} selected={selected} />
    </>
  );
}
