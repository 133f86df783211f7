import { useLayoutEffect, useMemo, useRef } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { CanvasTexture, InstancedBufferAttribute, Matrix4, PlaneGeometry, ShaderMaterial, SRGBColorSpace, type InstancedMesh } from 'three';
import type { Layout } from '../model/layoutSchema.ts';
import { MACHINE_STATES } from '../model/machineState.ts';
import { allEquipment } from '../model/plantEquipment.ts';
import { FRAME_STALE, type TwinFrame } from '../playback/stateSource.ts';
import { equipmentHeight } from './equipmentLook.ts';
import { toScene } from './floorCoordinates.ts';
import { STATE_COLOURS, STATE_INK, STATE_LETTERS } from './statePalette.ts';

const CELL = 96;
const COLUMNS = MACHINE_STATES.length;
/** Row 0: a badge per state; row 1: the same, stale (pale, ringed and hatched in the state colour). */
const ROWS = 2;
/** Badge diameter in metres, and how far above the machine's top it floats. */
const SIZE = 2.2;
const LIFT = 1.6;
const HIDDEN = -1;

/** The badges as one texture: a letter on the state colour per state, and a stale variant of each. */
function badgeAtlas(): CanvasTexture | undefined {
  if (typeof document === 'undefined') return undefined;
  const canvas = document.createElement('canvas');
  canvas.width = CELL * COLUMNS;
  canvas.height = CELL * ROWS;
  const g = canvas.getContext('2d');
  if (!g) return undefined;
  const r = CELL / 2 - 4;
  MACHINE_STATES.forEach((state, column) => {
    for (let row = 0; row < ROWS; row++) {
      const cx = column * CELL + CELL / 2;
      const cy = row * CELL + CELL / 2;
      g.save();
      g.beginPath();
      g.arc(cx, cy, r, 0, 2 * Math.PI);
      g.fillStyle = row === 0 ? STATE_COLOURS[state] : '#eef0f2';
      g.fill();
      g.clip();
      if (row === 1) {
        g.strokeStyle = STATE_COLOURS[state];
        g.lineWidth = 6;
        for (let k = -CELL; k < CELL; k += 16) {
          g.beginPath();
          g.moveTo(cx + k - r, cy + r);
          g.lineTo(cx + k + r, cy - r);
          g.stroke();
        }
      }
      g.restore();
      g.beginPath();
      g.arc(cx, cy, r - 3, 0, 2 * Math.PI);
      g.lineWidth = 6;
      g.strokeStyle = row === 0 ? '#ffffff' : STATE_COLOURS[state];
      g.stroke();
      g.font = `bold ${Math.round(CELL * 0.5)}px system-ui, sans-serif`;
      g.textAlign = 'center';
      g.textBaseline = 'middle';
      if (row === 1) {
        g.lineWidth = 8;
        g.strokeStyle = '#eef0f2';
        g.strokeText(STATE_LETTERS[state], cx, cy + 2);
      }
      g.fillStyle = row === 0 ? STATE_INK[state] : '#1d2125';
      g.fillText(STATE_LETTERS[state], cx, cy + 2);
    }
  });
  const texture = new CanvasTexture(canvas);
  texture.colorSpace = SRGBColorSpace;
  return texture;
}

const vertexShader = /* glsl */ `
attribute float badgeCell;
varying vec2 vUv;
varying float vHidden;
uniform float size;
void main() {
  vHidden = badgeCell < 0.0 ? 1.0 : 0.0;
  float cell = max(badgeCell, 0.0);
  vec2 offset = vec2(mod(cell, ${COLUMNS}.0), ${ROWS - 1}.0 - floor(cell / ${COLUMNS}.0));
  vUv = (uv + offset) / vec2(${COLUMNS}.0, ${ROWS}.0);
  // Billboard: the quad faces the camera whatever the view, centred on the instance's position.
  vec4 centre = modelViewMatrix * instanceMatrix * vec4(0.0, 0.0, 0.0, 1.0);
  centre.xy += position.xy * size;
  gl_Position = projectionMatrix * centre;
}`;

const fragmentShader = /* glsl */ `
uniform sampler2D atlas;
varying vec2 vUv;
varying float vHidden;
void main() {
  if (vHidden > 0.5) discard;
  vec4 c = texture2D(atlas, vUv);
  if (c.a < 0.5) discard;
  gl_FragColor = vec4(c.rgb, 1.0);
  #include <colorspace_fragment>
}`;

/**
 * A letter badge above each machine while a state source is on — the second cue besides colour
 * (STATE_LETTERS), hatched when the state is stale. All badges are one instanced quad mesh: one
 * draw call whatever the number of machines. They are not pickable.
 */
export function StateBadges({ layout, frame, sourceIds }: { layout: Layout; frame: TwinFrame | undefined; sourceIds: readonly string[] | undefined }) {
  const ref = useRef<InstancedMesh>(null);
  const invalidate = useThree((s) => s.invalidate);
  const items = useMemo(() => allEquipment(layout), [layout]);
  const slots = useMemo(() => {
    const index = new Map(sourceIds?.map((id, i) => [id, i]));
    return Int32Array.from(items, (e) => index.get(e.id) ?? -1);
  }, [items, sourceIds]);
  const material = useMemo(() => {
    const atlas = badgeAtlas();
    return new ShaderMaterial({ vertexShader, fragmentShader, uniforms: { atlas: { value: atlas }, size: { value: SIZE } } });
  }, []);
  const geometry = useMemo(() => {
    const g = new PlaneGeometry(1, 1);
    g.setAttribute('badgeCell', new InstancedBufferAttribute(new Float32Array(items.length).fill(HIDDEN), 1));
    return g;
  }, [items.length]);
  const shown = useMemo(() => new Float32Array(items.length).fill(Number.NaN), [items]);

  useLayoutEffect(() => {
    const mesh = ref.current;
    if (!mesh) return;
    const m = new Matrix4();
    items.forEach((e, i) => mesh.setMatrixAt(i, m.makeTranslation(...toScene(e.position.x, e.position.y, equipmentHeight(e) + LIFT))));
    mesh.instanceMatrix.needsUpdate = true;
    mesh.computeBoundingSphere();
    shown.fill(Number.NaN);
    invalidate();
  }, [items, shown, invalidate]);

  useLayoutEffect(() => {
    shown.fill(Number.NaN);
    invalidate();
  }, [frame, slots, shown, invalidate]);

  useFrame(() => {
    const attribute = geometry.getAttribute('badgeCell') as InstancedBufferAttribute;
    const cells = attribute.array as Float32Array;
    let changed = false;
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i]!;
      const cell = frame && slot >= 0 ? frame.states[slot]! + (frame.flags[slot] === FRAME_STALE ? COLUMNS : 0) : HIDDEN;
      if (shown[i] === cell) continue;
      shown[i] = cell;
      cells[i] = cell;
      changed = true;
    }
    if (changed) attribute.needsUpdate = true;
  });

  return <instancedMesh ref={ref} args={[geometry, material, items.length]} raycast={() => null} frustumCulled={false} />;
}
