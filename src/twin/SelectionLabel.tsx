import { Html } from '@react-three/drei';
import type { Layout } from '../model/layoutSchema.ts';
import { equipmentHeight } from './equipmentLook.ts';
import { allEquipment } from '../model/plantEquipment.ts';
import { toScene } from './floorCoordinates.ts';

export function SelectionLabel({ layout, selected }: { layout: Layout; selected: string | undefined }) {
  const equipment = selected === undefined ? undefined : allEquipment(layout).find((e) => e.id === selected);
  if (!equipment) return null;
  return (
    <Html position={toScene(equipment.position.x, equipment.position.y, equipmentHeight(equipment) + 3.3)} center className="twin-label">
      {equipment.name}
    </Html>
  );
}
