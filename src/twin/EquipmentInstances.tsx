import { useLayoutEffect, useMemo, useRef } from 'react';
import { useThree, type ThreeEvent } from '@react-three/fiber';
import { Color, Matrix4, Quaternion, Vector3, type InstancedMesh } from 'three';
import type { Equipment, Layout } from '../model/layoutSchema.ts';
import { equipmentHeight, selectionColour, typeColour } from './equipmentLook.ts';
import { equipmentByType } from './plantEquipment.ts';
import { toScene } from './floorCoordinates.ts';

interface Props { layout: Layout; selected: string | undefined; onSelect(id: string): void }

/** One instanced mesh per equipment type, so draw calls grow with types, not machines. */
export function EquipmentInstances({ layout, selected, onSelect }: Props) {
  const groups = useMemo(() => equipmentByType(layout), [layout]);
  return (
    <group>
      {groups.map(([type, items]) => (
        // The instance count is fixed when a mesh is made, so a new count needs a new mesh.
        <EquipmentTypeMesh key={`${type}:${items.length}`} items={items} selected={selected} onSelect={onSelect} />
      ))}
    </group>
  );
}

const up = new Vector3(0, 1, 0);

function EquipmentTypeMesh({ items, selected, onSelect }: { items: Equipment[]; selected: string | undefined; onSelect(id: string): void }) {
  const ref = useRef<InstancedMesh>(null);
  const invalidate = useThree((s) => s.invalidate);

  useLayoutEffect(() => {
    const mesh = ref.current;
    if (!mesh) return;
    const matrix = new Matrix4();
    const rotation = new Quaternion();
    const position = new Vector3();
    const scale = new Vector3();
    items.forEach((e, i) => {
      const height = equipmentHeight(e);
      position.set(...toScene(e.position.x, e.position.y, height / 2));
      rotation.setFromAxisAngle(up, (e.rotation * Math.PI) / 180);
      scale.set(e.footprint.width, height, e.footprint.depth);
      mesh.setMatrixAt(i, matrix.compose(position, rotation, scale));
    });
    mesh.instanceMatrix.needsUpdate = true;
    mesh.computeBoundingSphere();
    invalidate();
  }, [items, invalidate]);

  useLayoutEffect(() => {
    const mesh = ref.current;
    if (!mesh) return;
    const colour = new Color();
    items.forEach((e, i) => mesh.setColorAt(i, colour.set(e.id === selected ? selectionColour : typeColour(e.type))));
    if (mesh.instanceColor) mesh.instanceColor.needsUpdate = true;
    invalidate();
  }, [items, selected, invalidate]);

  const click = (event: ThreeEvent<MouseEvent>) => {
    event.stopPropagation();
    const hit = event.instanceId === undefined ? undefined : items[event.instanceId];
    if (hit) onSelect(hit.id);
  };

  return (
    <instancedMesh ref={ref} args={[undefined, undefined, items.length]} onClick={click}>
      <boxGeometry />
      <meshStandardMaterial roughness={0.85} metalness={0.05} />
    </instancedMesh>
  );
}
