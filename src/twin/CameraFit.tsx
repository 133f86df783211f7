import { useLayoutEffect } from 'react';
import { useThree } from '@react-three/fiber';
import { Vector3, type Camera } from 'three';
import type { Layout } from '../model/layoutSchema.ts';
import { floorBounds, toScene } from './floorCoordinates.ts';

interface OrbitTarget { target: { set(x: number, y: number, z: number): void }; update(): void }

/** Seen from the south, raised about 60°, a touch from the east: the usual view of a plan. */
const viewDirection = new Vector3(0.04, 0.88, 0.48).normalize();
const margin = 0.9;

/** Places the camera along viewDirection as near as it can be with all floor corners in view. */
function fitFloor(camera: Camera, layout: Layout): Vector3 {
  const b = floorBounds(layout);
  const centre = new Vector3(...toScene(b.centreX, b.centreY));
  const corners = [[0, 0], [b.width, 0], [0, b.depth], [b.width, b.depth]]
    .map(([dx = 0, dy = 0]) => new Vector3(...toScene(b.minX + dx, b.minY + dy)));
  const probe = new Vector3();
  const fits = (distance: number) => {
    camera.position.copy(centre).addScaledVector(viewDirection, distance);
    camera.lookAt(centre);
    camera.updateMatrixWorld();
    return corners.every((c) => {
      probe.copy(c).project(camera);
      return Math.abs(probe.x) <= margin && Math.abs(probe.y) <= margin && probe.z < 1;
    });
  };
  // Whether the floor fits only grows with distance, so bisection finds the nearest fit.
  let near = 0.1;
  let far = 20 * Math.max(b.width, b.depth, 1);
  for (let i = 0; i < 40; i++) {
    const mid = (near + far) / 2;
    if (fits(mid)) far = mid;
    else near = mid;
  }
  fits(far);
  return centre;
}

/** Frames the whole floor whenever another layout is shown. */
export function CameraFit({ layout }: { layout: Layout }) {
  const camera = useThree((s) => s.camera);
  const controls = useThree((s) => s.controls) as unknown as OrbitTarget | null;
  const invalidate = useThree((s) => s.invalidate);

  useLayoutEffect(() => {
    const centre = fitFloor(camera, layout);
    const distance = camera.position.distanceTo(centre);
    if ('near' in camera && 'far' in camera && 'updateProjectionMatrix' in camera) {
      camera.near = Math.max(0.05, distance / 1000);
      camera.far = distance * 10;
      camera.updateProjectionMatrix();
    }
    controls?.target.set(centre.x, centre.y, centre.z);
    controls?.update();
    invalidate();
  }, [layout, camera, controls, invalidate]);

  return null;
}
