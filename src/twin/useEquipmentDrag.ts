import { useCallback } from 'react';
import { useThree, type ThreeEvent } from '@react-three/fiber';
import { Raycaster, Vector2, type Ray } from 'three';
import type { Layout } from '../model/layoutSchema.ts';
import { floorDrag, type SceneRay } from '../model/edits/floorDrag.ts';
import { snapToGrid } from '../model/edits/snapping.ts';
import { allEquipment } from '../model/plantEquipment.ts';

interface Controls { enabled: boolean }

const sceneRay = (ray: Ray): SceneRay => ({ origin: [ray.origin.x, ray.origin.y, ray.origin.z], direction: [ray.direction.x, ray.direction.y, ray.direction.z] });

/**
 * Dragging equipment: the pointer's rays are cut with the horizontal plane at the height where the
 * press met the machine, so the grabbed point stays under the pointer (a metre on screen there is
 * a metre on the floor, in perspective too); the centre snaps to the half-metre grid. Orbiting is
 * off while dragging. `onDrag` gets every snapped position, `onDrop` the last one.
 */
export function useEquipmentDrag(
  layout: Layout,
  onDrag: (id: string, x: number, y: number) => void,
  onDrop: (id: string, x: number, y: number) => void,
) {
  const camera = useThree((s) => s.camera);
  const element = useThree((s) => s.gl.domElement);
  const controls = useThree((s) => s.controls) as unknown as Controls | null;

  return useCallback((id: string, event: ThreeEvent<PointerEvent>) => {
    const equipment = allEquipment(layout).find((e) => e.id === id);
    const follow = equipment && floorDrag(equipment.position, sceneRay(event.ray), Math.max(0, event.point.y));
    if (!equipment || !follow) return;
    const raycaster = new Raycaster();
    const pointer = new Vector2();
    let last = { x: equipment.position.x, y: equipment.position.y };
    if (controls) controls.enabled = false;

    const move = (e: PointerEvent) => {
      const rect = element.getBoundingClientRect();
      pointer.set(((e.clientX - rect.left) / rect.width) * 2 - 1, -((e.clientY - rect.top) / rect.height) * 2 + 1);
      raycaster.setFromCamera(pointer, camera);
      const p = follow(sceneRay(raycaster.ray));
      if (!p) return;
      const next = { x: snapToGrid(p.x), y: snapToGrid(p.y) };
      if (next.x === last.x && next.y === last.y) return;
      last = next;
      onDrag(id, next.x, next.y);
    };
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      window.removeEventListener('pointercancel', up);
      if (controls) controls.enabled = true;
      onDrop(id, last.x, last.y);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
    window.addEventListener('pointercancel', up);
  }, [layout, camera, element, controls, onDrag, onDrop]);
}
