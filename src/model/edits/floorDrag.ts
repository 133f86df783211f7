/**
 * Dragging on the floor plan, as plain numbers so it is tested without a browser. Scene
 * coordinates are y-up with the floor in x/z and north at −z (src/twin/floorCoordinates.ts); plan
 * coordinates are metres, x east, y north.
 */

export type Vec3 = readonly [number, number, number];

/** A ray in scene coordinates: where the pointer's line of sight starts and where it goes. */
export interface SceneRay {
  origin: Vec3;
  direction: Vec3;
}

export interface PlanPoint {
  x: number;
  y: number;
}

/**
 * Where the ray meets the horizontal plane at `height` (metres above the floor), in plan metres;
 * undefined when it runs parallel to it or away from it (a pointer above the horizon).
 */
export function planPointAtHeight(ray: SceneRay, height: number): PlanPoint | undefined {
  const dy = ray.direction[1];
  if (Math.abs(dy) < 1e-9) return undefined;
  const t = (height - ray.origin[1]) / dy;
  if (!(t > 0) || !Number.isFinite(t)) return undefined;
  return { x: ray.origin[0] + t * ray.direction[0], y: -(ray.origin[2] + t * ray.direction[2]) };
}

/**
 * A drag that keeps the grabbed point under the pointer: the press meets the equipment at `grabHeight`
 * above the floor (its top, say), and the pointer's later rays are cut with the plane at that same
 * height, so a metre moved on screen at that point is a metre on the floor. (Cutting them with the
 * floor instead, from a point high on a machine seen in perspective, moved it several times as far
 * as the pointer.) Returns the equipment centre for each later ray, before snapping.
 */
export function floorDrag(centre: PlanPoint, press: SceneRay, grabHeight: number): ((ray: SceneRay) => PlanPoint | undefined) | undefined {
  const start = planPointAtHeight(press, grabHeight);
  if (!start) return undefined;
  const offset = { x: centre.x - start.x, y: centre.y - start.y };
  return (ray) => {
    const p = planPointAtHeight(ray, grabHeight);
    return p && { x: p.x + offset.x, y: p.y + offset.y };
  };
}
