import { useMemo } from 'react';
import { BoxGeometry, EdgesGeometry, Path, Shape, ShapeGeometry, Vector2 } from 'three';
import type { Equipment } from '../model/layoutSchema.ts';
import { equipmentHeight, selectionColour } from './equipmentLook.ts';
import { toScene } from './floorCoordinates.ts';

/** Metres between the footprint and the halo, and the width of the halo's band on the floor. */
const GAP = 0.25;
const BAND = 0.35;

/**
 * The selection as a halo: a blue band on the floor around the footprint and blue edges around
 * the body, so the machine keeps its state colour (a selected Down machine stays red).
 */
export function SelectionHalo({ equipment }: { equipment: Equipment | undefined }) {
  const geometry = useMemo(() => {
    if (!equipment) return undefined;
    const w = equipment.footprint.width / 2 + GAP;
    const d = equipment.footprint.depth / 2 + GAP;
    const rect = (hw: number, hd: number) => [new Vector2(-hw, -hd), new Vector2(hw, -hd), new Vector2(hw, hd), new Vector2(-hw, hd)];
    const band = new Shape(rect(w + BAND, d + BAND));
    band.holes.push(new Path(rect(w, d).reverse()));
    const h = equipmentHeight(equipment) + 0.1;
    return { floor: new ShapeGeometry(band), edges: new EdgesGeometry(new BoxGeometry(2 * w, h, 2 * d)), h };
  }, [equipment]);
  if (!equipment || !geometry) return null;
  const angle = (equipment.rotation * Math.PI) / 180;
  const [x, , z] = toScene(equipment.position.x, equipment.position.y);
  return (
    <group position={[x, 0, z]} rotation={[0, angle, 0]}>
      <mesh geometry={geometry.floor} rotation={[-Math.PI / 2, 0, 0]} position={[0, 0.03, 0]} raycast={() => null}>
        <meshBasicMaterial color={selectionColour} />
      </mesh>
      <lineSegments geometry={geometry.edges} position={[0, geometry.h / 2, 0]} raycast={() => null}>
        <lineBasicMaterial color={selectionColour} />
      </lineSegments>
    </group>
  );
}
