import { useCallback } from 'react';
import { useThree, type ThreeEvent } from '@react-three/fiber';
import { Plane, Raycaster, Vector2, Vector3, type Ray } from 'three';
import type { Layout } from '../model/layoutSchema.ts';
import { snapToGrid } from '../model/edits/snapping.ts';
import { allEquipment } from '../model/plantEquipment.ts';

interface Controls { enabled: boolean }

const floorPlane = new Plane(new Vector3(0, 1, 0), 0);

/** Where a ray meets the floor, in floor-plan metres. */
function onFloor(ray: Ray, into: Vector3): { x: number; y: number } | undefined {
  return ray.intersectPlane(floorPlane, into) ? { x: into.x, y: -into.z } : undefined;
}

/**
 * Dragging equipment on the floor: the press point is projected onto the floor plane, the
 * equipment keeps its offset from the pointer, and its centre snaps to the half-metre grid.
 * Orbiting is off while dragging. `onDrag` gets every snapped position, `onDrop` the last one.
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
    const hitPoint = new Vector3();
    const start = equipment && onFloor(event.ray, hitPoint);
    if (!equipment || !start) return;
    const grab = { x: equipment.position.x - start.x, y: equipment.position.y - start.y };
    const raycaster = new Raycaster();
    const pointer = new Vector2();
    let last = { x: equipment.position.x, y: equipment.position.y };
    if (controls) controls.enabled = false;

    const move = (e: PointerEvent) => {
      const rect = element.getBoundingClientRect();
      pointer.set(((e.clientX - rect.left) / rect.width) * 2 - 1, -((e.clientY - rect.top) / rect.height) * 2 + 1);
      raycaster.setFromCamera(pointer, camera);
      const p = onFloor(raycaster.ray, hitPoint);
      if (!p) return;
      const next = { x: snapToGrid(p.x + grab.x), y: snapToGrid(p.y + grab.y) };
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
