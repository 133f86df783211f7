import { useLayoutEffect, useRef } from 'react';
import { useFrame } from '@react-three/fiber';
import { BoxGeometry, DynamicDrawUsage, type InstancedMesh } from 'three';
import type { TwinFrame } from '../playback/stateSource.ts';

/** A part or small load: 0.45 × 0.3 × 0.45 m, carried at hand height. */
const partGeometry = new BoxGeometry(0.45, 0.3, 0.45);
const CARRY_HEIGHT = 0.9;

/**
 * Every part in transport or waiting, as one instanced mesh (one draw call however many parts).
 * The frame loop writes only the translation of each used instance straight into the instance
 * matrix array; the rest of each matrix is written once.
 */
export function WipParts({ frame }: { frame: TwinFrame }) {
  const ref = useRef<InstancedMesh>(null);
  const capacity = frame.parts.length / 2;

  useLayoutEffect(() => {
    const mesh = ref.current;
    if (!mesh) return;
    const m = mesh.instanceMatrix.array as Float32Array;
    m.fill(0);
    for (let i = 0; i < capacity; i++) {
      m[16 * i] = 1;
      m[16 * i + 5] = 1;
      m[16 * i + 10] = 1;
      m[16 * i + 15] = 1;
    }
    mesh.instanceMatrix.setUsage(DynamicDrawUsage);
    mesh.count = 0;
  }, [capacity]);

  useFrame(() => {
    const mesh = ref.current;
    if (!mesh) return;
    const m = mesh.instanceMatrix.array as Float32Array;
    const parts = frame.parts;
    const count = frame.partCount;
    for (let i = 0; i < count; i++) {
      const o = 16 * i;
      m[o + 12] = parts[2 * i]!;
      m[o + 13] = CARRY_HEIGHT;
      m[o + 14] = -parts[2 * i + 1]!;
    }
    mesh.count = count;
    // A whole-buffer upload: update ranges would allocate a range object every frame.
    mesh.instanceMatrix.needsUpdate = true;
  });

  return (
    // Parts spread over the whole floor and move every frame: culling them as one sphere saves nothing.
    <instancedMesh key={capacity} ref={ref} args={[partGeometry, undefined, Math.max(1, capacity)]} frustumCulled={false}>
      <meshStandardMaterial color="#2b3138" roughness={0.6} />
    </instancedMesh>
  );
}
