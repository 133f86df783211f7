import { useMemo } from 'react';
import { BufferGeometry, Float32BufferAttribute } from 'three';
import type { Layout } from '../model/layoutSchema.ts';
import { floorBounds } from '../model/floorBounds.ts';
import { toScene } from './floorCoordinates.ts';

const majorEvery = 5;

/** Grid lines every metre across the floor rectangle; every fifth is darker. */
function gridGeometry(layout: Layout, major: boolean): BufferGeometry {
  const { minX, minY, width, depth } = floorBounds(layout);
  const points: number[] = [];
  for (let i = 0; i <= Math.floor(width); i++) {
    if ((i % majorEvery === 0) !== major) continue;
    points.push(...toScene(minX + i, minY), ...toScene(minX + i, minY + depth));
  }
  for (let j = 0; j <= Math.floor(depth); j++) {
    if ((j % majorEvery === 0) !== major) continue;
    points.push(...toScene(minX, minY + j), ...toScene(minX + width, minY + j));
  }
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new Float32BufferAttribute(points, 3));
  return geometry;
}

export function FloorGrid({ layout }: { layout: Layout }) {
  const bounds = floorBounds(layout);
  const minor = useMemo(() => gridGeometry(layout, false), [layout]);
  const major = useMemo(() => gridGeometry(layout, true), [layout]);
  return (
    <group>
      <mesh position={toScene(bounds.centreX, bounds.centreY)} rotation={[-Math.PI / 2, 0, 0]}>
        <planeGeometry args={[bounds.width, bounds.depth]} />
        <meshStandardMaterial color="#dde0e3" roughness={1} />
      </mesh>
      <lineSegments geometry={minor} position={[0, 0.005, 0]}>
        <lineBasicMaterial color="#cdd1d5" />
      </lineSegments>
      <lineSegments geometry={major} position={[0, 0.006, 0]}>
        <lineBasicMaterial color="#b3b9bf" />
      </lineSegments>
    </group>
  );
}
