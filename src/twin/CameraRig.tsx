import { useLayoutEffect } from 'react';
import { useThree } from '@react-three/fiber';
import type { PerspectiveCamera } from 'three';
import type { Layout } from '../model/layoutSchema.ts';
import { floorBox, type FloorBox } from '../model/floorBounds.ts';
import { OBLIQUE, OBLIQUE_FOV, TOP, TOP_FOV, fitBox } from './cameraFit.ts';

interface OrbitTarget { target: { set(x: number, y: number, z: number): void }; update(): void }

interface Props {
  layout: Layout;
  /** Changes when another plant is opened (not when its layout is edited): the camera then frames the floor. */
  plantKey: string;
  focus: FloorBox | undefined;
  request: number;
  topView: boolean;
}

/** Places the camera: the whole floor for a new plant or "fit", a box for "focus", from above in top view. */
export function CameraRig({ layout, plantKey, focus, request, topView }: Props) {
  const camera = useThree((s) => s.camera) as PerspectiveCamera;
  const controls = useThree((s) => s.controls) as unknown as OrbitTarget | null;
  const invalidate = useThree((s) => s.invalidate);

  useLayoutEffect(() => {
    camera.fov = topView ? TOP_FOV : OBLIQUE_FOV;
    const centre = fitBox(camera, focus ?? floorBox(layout), topView ? TOP : OBLIQUE);
    controls?.target.set(centre.x, centre.y, centre.z);
    controls?.update();
    invalidate();
    // The layout is read when asked, not followed: editing must not move the camera.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [plantKey, focus, request, topView, camera, controls, invalidate]);

  return null;
}
