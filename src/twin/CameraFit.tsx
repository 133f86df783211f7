import { useLayoutEffect } from 'react';
import { useThree } from '@react-three/fiber';
import type { Layout } from '../model/layoutSchema.ts';
import { floorBounds, toScene } from './floorCoordinates.ts';

interface OrbitTarget { target: { set(x: number, y: number, z: number): void }; update(): void }

/** Looks at the whole floor from the south, raised, whenever another layout is shown. */
export function CameraFit({ layout }: { layout: Layout }) {
  const camera = useThree((s) => s.camera);
  const controls = useThree((s) => s.controls) as unknown as OrbitTarget | null;
  const size = useThree((s) => s.size);
  const invalidate = useThree((s) => s.invalidate);

  useLayoutEffect(() => {
    const b = floorBounds(layout);
    const aspect = size.width / Math.max(1, size.height);
    const fov = 'fov' in camera && typeof camera.fov === 'number' ? camera.fov : 40;
    const halfTan = Math.tan((fov * Math.PI) / 360);
    // Enough distance for the floor's width across the view and its depth foreshortened at ~50°.
    const distance = Math.max(b.width / aspect, b.depth * 0.8) / (2 * halfTan) * 1.05;
    const [cx, , cz] = toScene(b.centreX, b.centreY);
    camera.position.set(cx, distance * 0.72, cz + distance * 0.7);
    camera.near = Math.max(0.05, distance / 1000);
    camera.far = distance * 10;
    camera.lookAt(cx, 0, cz);
    camera.updateProjectionMatrix();
    controls?.target.set(cx, 0, cz);
    controls?.update();
    invalidate();
    // Refit on a new layout only: a resize should not undo the user's orbiting.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [layout, camera, controls, invalidate]);

  return null;
}
