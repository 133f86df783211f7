import { Html } from '@react-three/drei';
import type { Equipment } from '../model/layoutSchema.ts';
import { equipmentHeight, selectionColour } from './equipmentLook.ts';
import { toScene } from './floorCoordinates.ts';

/** Where a moved machine stood in the file, and how far it is from there now. */
export interface MoveGhostProps { original: Equipment; distance: number }

/**
 * The machine's original place while it is edited: a translucent outline box where the file has
 * it, labelled with the distance to where it is now, so a move is judged against where it started.
 */
export function MoveGhost({ original, distance }: MoveGhostProps) {
  const h = equipmentHeight(original);
  const [x, , z] = toScene(original.position.x, original.position.y);
  return (
    <group position={[x, 0, z]} rotation={[0, (original.rotation * Math.PI) / 180, 0]}>
      <mesh position={[0, h / 2, 0]} raycast={() => null}>
        <boxGeometry args={[original.footprint.width, h, original.footprint.depth]} />
        <meshBasicMaterial color={selectionColour} transparent opacity={0.18} depthWrite={false} />
      </mesh>
      <Html position={[0, h + 0.6, 0]} center className="twin-label ghost-label">
        {`was here · ${Number(distance.toFixed(2))} m`}
      </Html>
    </group>
  );
}
