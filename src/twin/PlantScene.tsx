import { Canvas, type RootState } from '@react-three/fiber';
import { OrbitControls } from '@react-three/drei';
import { useMemo } from 'react';
import { MOUSE } from 'three';
import { useStore } from 'zustand';
import type { FloorBox } from '../model/floorBounds.ts';
import type { Layout } from '../model/layoutSchema.ts';
import { allEquipment } from '../model/plantEquipment.ts';
import type { PlaybackClock } from '../playback/clock.ts';
import { BufferBars } from './BufferBars.tsx';
import { CameraRig } from './CameraRig.tsx';
import { EquipmentInstances } from './EquipmentInstances.tsx';
import { FloorGrid } from './FloorGrid.tsx';
import { PathLines } from './PathLines.tsx';
import { PlaybackDriver } from './PlaybackDriver.tsx';
import { MoveGhost, type MoveGhostProps } from './MoveGhost.tsx';
import { SelectionHalo } from './SelectionHalo.tsx';
import { SelectionLabel } from './SelectionLabel.tsx';
import { StateBadges } from './StateBadges.tsx';
import { WipParts } from './WipParts.tsx';
import { useEquipmentDrag } from './useEquipmentDrag.ts';

const orbitButtons = { LEFT: MOUSE.ROTATE, MIDDLE: MOUSE.DOLLY, RIGHT: MOUSE.PAN };
/** In top view the left button pans the plan; rotating would leave the 2D view. */
const topViewButtons = { LEFT: MOUSE.PAN, MIDDLE: MOUSE.DOLLY, RIGHT: MOUSE.PAN };

/** What the camera is asked to frame; `request` changes on every ask, so the same box can be framed again. */
export interface CameraRequest { focus: FloorBox | undefined; request: number; topView: boolean }

/** Dragging equipment on the floor: previews while moving, one commit when released (plan metres). */
export interface EquipmentDragHandlers {
  drag(id: string, x: number, y: number): void;
  drop(id: string, x: number, y: number): void;
}

export interface PlantSceneProps {
  layout: Layout | undefined;
  /** Changes when another plant is opened (not on an edit): the camera frames the new floor. */
  plantKey: string;
  selected: string | undefined;
  onSelect(equipmentId: string): void;
  camera: CameraRequest;
  /** The states to draw and the instant to draw them at. */
  clock: PlaybackClock;
  /** Given while the layout is being edited: equipment can be dragged. */
  editing?: EquipmentDragHandlers;
  /** While editing: the selected machine's place in the file, when it has moved from there. */
  ghost?: MoveGhostProps;
  /** Path edges to draw as faults (`edgeKey(from, to)`): drawn through a machine. */
  flaggedPaths?: ReadonlySet<string>;
  onCreated?: (state: RootState) => void;
}

/**
 * The 3D twin: floor, equipment, buffers, parts and transport paths of a layout, coloured by the
 * clock's state source. It only renders: what to show comes in as props, what the user does goes
 * out through callbacks.
 */
export function PlantScene({ layout, plantKey, selected, onSelect, camera, clock, editing, ghost, flaggedPaths, onCreated }: PlantSceneProps) {
  return (
    <div className="scene" data-testid="twin-canvas">
      {/* preserveDrawingBuffer lets tests and screenshots read the pixels back; "demand" renders
          only when something changed, which keeps an idle twin off the CPU. */}
      <Canvas frameloop="demand" dpr={[1, 2]} gl={{ preserveDrawingBuffer: true, antialias: true }} camera={{ fov: 40, position: [0, 40, 40] }} onCreated={onCreated}>
        <color attach="background" args={['#eef0f2']} />
        <hemisphereLight args={['#ffffff', '#b9bec4', 1.6]} />
        <directionalLight position={[-30, 60, 40]} intensity={1.4} />
        <OrbitControls makeDefault maxPolarAngle={Math.PI / 2.05} enableRotate={!camera.topView} mouseButtons={camera.topView ? topViewButtons : orbitButtons} />
        <PlaybackDriver clock={clock} />
        {layout && <PlantContent layout={layout} plantKey={plantKey} selected={selected} onSelect={onSelect} camera={camera} clock={clock} editing={editing} ghost={ghost} flaggedPaths={flaggedPaths} />}
      </Canvas>
    </div>
  );
}

type ContentProps = Omit<PlantSceneProps, 'onCreated' | 'layout'> & { layout: Layout };

const noDrag: EquipmentDragHandlers = { drag: () => {}, drop: () => {} };

function PlantContent({ layout, plantKey, selected, onSelect, camera, clock, editing, ghost, flaggedPaths }: ContentProps) {
  const frame = useStore(clock.store, (s) => s.frame);
  const sourceIds = useStore(clock.store, (s) => s.source?.equipmentIds);
  // Live and recorded states carry no queue levels: no bars, rather than bars stuck at empty.
  const queues = useStore(clock.store, (s) => s.source?.queues === true);
  const handlers = editing ?? noDrag;
  const press = useEquipmentDrag(layout, handlers.drag, handlers.drop);
  const selectedEquipment = useMemo(() => (selected === undefined ? undefined : allEquipment(layout).find((e) => e.id === selected)), [layout, selected]);
  return (
    <>
      <CameraRig layout={layout} plantKey={plantKey} focus={camera.focus} request={camera.request} topView={camera.topView} />
      <FloorGrid layout={layout} />
      <PathLines layout={layout} flagged={flaggedPaths} />
      <EquipmentInstances layout={layout} selected={selected} onSelect={onSelect} frame={frame} sourceIds={sourceIds} onPress={editing ? press : undefined} />
      <BufferBars layout={layout} frame={queues ? frame : undefined} sourceIds={sourceIds} />
      <StateBadges layout={layout} frame={frame} sourceIds={sourceIds} />
      <SelectionHalo equipment={selectedEquipment} />
      {ghost && <MoveGhost {...ghost} />}
      {frame && <WipParts frame={frame} />}
      <SelectionLabel layout={layout} selected={selected} />
    </>
  );
}
