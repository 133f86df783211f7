import { useLayoutEffect, useMemo, useRef } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { BoxGeometry, Color, Matrix4, Quaternion, Vector3, type InstancedMesh } from 'three';
import type { Layout } from '../model/layoutSchema.ts';
import { toScene } from './floorCoordinates.ts';
import { linearRgb } from './instanceColours.ts';
import { allEquipment } from '../model/plantEquipment.ts';
import { STATE_COLOURS } from './statePalette.ts';
import type { TwinFrame } from '../playback/stateSource.ts';

/** Metres: a gauge beside the front-left corner of the equipment, on its input side. */
const BAR_HEIGHT = 2.4;
const BAR_SIZE = 0.5;
const GAP = 0.15;

/** A unit box standing on the floor, so scaling its height grows it upwards. */
const unitColumn = new BoxGeometry(1, 1, 1).translate(0, 0.5, 0);
const BAR_COLOUR = '#56738a';
const normalRgb = linearRgb(BAR_COLOUR);
const fullRgb = linearRgb(STATE_COLOURS.blocked);

interface Props { layout: Layout; frame: TwinFrame | undefined; sourceIds: readonly string[] | undefined }

/**
 * Input buffer fill of every equipment with a finite input buffer: one instanced mesh of bars
 * (height = fill, orange when full) in front of one of pale full-height tracks, so the number of
 * draw calls stays two however many buffers the plant has.
 */
export function BufferBars({ layout, frame, sourceIds }: Props) {
  const buffered = useMemo(() => allEquipment(layout).filter((e) => e.inputBuffer !== undefined), [layout]);
  const slots = useMemo(() => {
    const index = new Map(sourceIds?.map((id, i) => [id, i]));
    return Int32Array.from(buffered, (e) => index.get(e.id) ?? -1);
  }, [buffered, sourceIds]);
  const bars = useRef<InstancedMesh>(null);
  const tracks = useRef<InstancedMesh>(null);
  const invalidate = useThree((s) => s.invalidate);
  const full = useMemo(() => new Int8Array(buffered.length), [buffered]);

  useLayoutEffect(() => {
    const matrix = new Matrix4();
    const rotation = new Quaternion();
    const position = new Vector3();
    const scale = new Vector3(BAR_SIZE, BAR_HEIGHT, BAR_SIZE);
    const up = new Vector3(0, 1, 0);
    buffered.forEach((e, i) => {
      const a = (e.rotation * Math.PI) / 180;
      const lx = -e.footprint.width / 2 - GAP - BAR_SIZE / 2;
      const ly = -e.footprint.depth / 2 + BAR_SIZE / 2;
      position.set(...toScene(e.position.x + lx * Math.cos(a) - ly * Math.sin(a), e.position.y + lx * Math.sin(a) + ly * Math.cos(a)));
      rotation.setFromAxisAngle(up, a);
      matrix.compose(position, rotation, scale);
      tracks.current?.setMatrixAt(i, matrix);
      bars.current?.setMatrixAt(i, matrix);
      bars.current?.setColorAt(i, new Color().fromArray(normalRgb));
    });
    for (const mesh of [tracks.current, bars.current]) {
      if (!mesh) continue;
      mesh.instanceMatrix.needsUpdate = true;
      if (mesh.instanceColor) mesh.instanceColor.needsUpdate = true;
      mesh.computeBoundingSphere();
    }
    full.fill(-1);
    invalidate();
  }, [buffered, full, invalidate]);

  useFrame(() => {
    const mesh = bars.current;
    if (!mesh || !tracks.current) return;
    mesh.visible = tracks.current.visible = frame !== undefined;
    if (!frame) return;
    const matrices = mesh.instanceMatrix.array as Float32Array;
    const colours = mesh.instanceColor?.array as Float32Array | undefined;
    let recoloured = false;
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i]!;
      const fill = slot >= 0 ? Math.min(1, Math.max(0, frame.fills[slot]!)) : 0;
      // Only the height (the y scale, element 5 of the column-major matrix) changes per frame.
      matrices[16 * i + 5] = Math.max(fill, 0.002) * BAR_HEIGHT;
      const isFull = fill >= 0.999 ? 1 : 0;
      if (colours && full[i] !== isFull) {
        full[i] = isFull;
        colours.set(isFull ? fullRgb : normalRgb, 3 * i);
        recoloured = true;
      }
    }
    mesh.instanceMatrix.needsUpdate = true;
    if (recoloured && mesh.instanceColor) mesh.instanceColor.needsUpdate = true;
  });

  if (buffered.length === 0) return null;
  return (
    <group>
      <instancedMesh key={`tracks:${buffered.length}`} ref={tracks} args={[unitColumn, undefined, buffered.length]}>
        <meshStandardMaterial color="#c9ced3" transparent opacity={0.45} depthWrite={false} />
      </instancedMesh>
      <instancedMesh key={`bars:${buffered.length}`} ref={bars} args={[unitColumn, undefined, buffered.length]}>
        <meshStandardMaterial roughness={0.7} />
      </instancedMesh>
    </group>
  );
}
