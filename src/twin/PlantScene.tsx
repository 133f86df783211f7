import { Canvas } from '@react-three/fiber';
import { OrbitControls } from '@react-three/drei';
import { twinStore, useTwin } from '../app/twinStore.ts';
import { CameraFit } from './CameraFit.tsx';
import { EquipmentInstances } from './EquipmentInstances.tsx';
import { FloorGrid } from './FloorGrid.tsx';
import { PathLines } from './PathLines.tsx';
import { SelectionLabel } from './SelectionLabel.tsx';

const select = (id: string) => twinStore.getState().select(id);

/** The 3D twin: floor, equipment and transport paths of the plant on screen. */
export function PlantScene() {
  const layout = useTwin((s) => s.plant?.layout);
  const selected = useTwin((s) => s.selected);
  return (
    <div className="scene" data-testid="twin-canvas">
      {/* preserveDrawingBuffer lets tests and screenshots read the pixels back; "demand" renders
          only when something changed, which keeps an idle twin off the CPU. */}
      <Canvas frameloop="demand" dpr={[1, 2]} gl={{ preserveDrawingBuffer: true, antialias: true }} camera={{ fov: 40, position: [0, 40, 40] }}>
        <color attach="background" args={['#eef0f2']} />
        <hemisphereLight args={['#ffffff', '#b9bec4', 1.6]} />
        <directionalLight position={[-30, 60, 40]} intensity={1.4} />
        <OrbitControls makeDefault maxPolarAngle={Math.PI / 2.05} />
        {layout && (
          <>
            <CameraFit layout={layout} />
            <FloorGrid layout={layout} />
            <PathLines layout={layout} />
            <EquipmentInstances layout={layout} selected={selected} onSelect={select} />
            <SelectionLabel layout={layout} selected={selected} />
          </>
        )}
      </Canvas>
    </div>
  );
}
