import { Vector3, type PerspectiveCamera } from 'three';
import { bounds } from '../model/footprint.ts';
import type { Equipment } from '../model/layoutSchema.ts';
import { equipmentRect } from '../model/layoutIndex.ts';
import { equipmentHeight } from './equipmentLook.ts';
import type { FloorBox } from '../model/floorBounds.ts';
import { toScene } from './floorCoordinates.ts';

/** The box around some equipment (a cell, line, area or one machine); undefined for none. */
export function equipmentBox(items: readonly Equipment[]): FloorBox | undefined {
  if (items.length === 0) return undefined;
  const box = { minX: Infinity, maxX: -Infinity, minY: Infinity, maxY: -Infinity, height: 0 };
  for (const e of items) {
    const b = bounds(equipmentRect(e));
    box.minX = Math.min(box.minX, b.minX);
    box.maxX = Math.max(box.maxX, b.maxX);
    box.minY = Math.min(box.minY, b.minY);
    box.maxY = Math.max(box.maxY, b.maxY);
    box.height = Math.max(box.height, equipmentHeight(e));
  }
  return box;
}

/** Seen from the south, raised about 60°, a touch from the east: the usual view of a plan. */
export const OBLIQUE = new Vector3(0.04, 0.88, 0.48).normalize();
/** Straight down with north up; the tiny tilt keeps the camera's up vector defined. */
export const TOP = new Vector3(0, 1, 1e-4).normalize();
export const OBLIQUE_FOV = 40;
/** A narrow lens from far away draws the plan nearly without perspective. */
export const TOP_FOV = 12;

const margin = 0.9;

/**
 * Places the camera along `direction` as near as it can be with the whole box in view (all eight
 * corners inside `margin` of the screen), found by bisection on the distance, and returns the
 * point it looks at.
 */
export function fitBox(camera: PerspectiveCamera, box: FloorBox, direction: Vector3): Vector3 {
  const centre = new Vector3(...toScene((box.minX + box.maxX) / 2, (box.minY + box.maxY) / 2));
  const corners: Vector3[] = [];
  for (const x of [box.minX, box.maxX]) for (const y of [box.minY, box.maxY]) for (const h of [0, box.height]) corners.push(new Vector3(...toScene(x, y, h)));
  const probe = new Vector3();
  // A far plane from an earlier, closer fit must not hide corners while searching.
  camera.far = 1e7;
  camera.updateProjectionMatrix();
  const fits = (distance: number) => {
    camera.position.copy(centre).addScaledVector(direction, distance);
    camera.lookAt(centre);
    camera.updateMatrixWorld();
    return corners.every((c) => {
      probe.copy(c).project(camera);
      return Math.abs(probe.x) <= margin && Math.abs(probe.y) <= margin && probe.z < 1;
    });
  };
  const size = Math.max(box.maxX - box.minX, box.maxY - box.minY, box.height, 1);
  // Whether the box fits only grows with distance, so bisection finds the nearest fit.
  let near = 0.1;
  let far = 200 * size;
  for (let i = 0; i < 50; i++) {
    const mid = (near + far) / 2;
    if (fits(mid)) far = mid;
    else near = mid;
  }
  fits(far);
  const distance = camera.position.distanceTo(centre);
  camera.near = Math.max(0.05, distance / 1000);
  camera.far = distance * 10 + size * 4;
  camera.updateProjectionMatrix();
  return centre;
}
