import { useLayoutEffect, useMemo, useRef } from 'react';
import { useFrame, useThree, type ThreeEvent } from '@react-three/fiber';
import { BufferGeometry, Color, InstancedBufferAttribute, Matrix4, Quaternion, Vector3, type InstancedMesh } from 'three';
import type { Equipment, EquipmentType, Layout } from '../model/layoutSchema.ts';
import { equipmentHeight, typeColour } from './equipmentLook.ts';
import { equipmentShape } from './equipmentShapes.ts';
import { toScene } from './floorCoordinates.ts';
import { STATE_RGB, linearRgb } from './instanceColours.ts';
import { equipmentByType } from '../model/plantEquipment.ts';
import { FRAME_STALE, type TwinFrame } from '../playback/stateSource.ts';
import { hatchCacheKey, hatchStale } from './staleHatch.ts';

export interface EquipmentInstancesProps {
  layout: Layout;
  selected: string | undefined;
  onSelect(id: string): void;
  /** The current frame of the state source, read every frame; none = calm type greys. */
  frame: TwinFrame | undefined;
  /** Equipment ids in the order of the frame's arrays. */
  sourceIds: readonly string[] | undefined;
  /** In layout editing, a press on equipment starts dragging it. */
  onPress: ((id: string, event: ThreeEvent<PointerEvent>) => void) | undefined;
}

/** One instanced mesh per equipment type, so draw calls grow with types, not machines. */
export function EquipmentInstances({ layout, ...rest }: EquipmentInstancesProps) {
  const groups = useMemo(() => equipmentByType(layout), [layout]);
  const sourceIndex = useMemo(() => new Map(rest.sourceIds?.map((id, i) => [id, i])), [rest.sourceIds]);
  return (
    <group>
      {groups.map(([type, items]) => (
        // The instance count is fixed when a mesh is made, so a new count needs a new mesh.
        <EquipmentTypeMesh key={`${type}:${items.length}`} type={type} items={items} sourceIndex={sourceIndex} {...rest} />
      ))}
    </group>
  );
}

const up = new Vector3(0, 1, 0);
/** Colour key of the type's grey (no state source); state codes are keys too, + STALE_KEY when stale. */
const TYPE_KEY = 254;
const STALE_KEY = 128;

interface TypeMeshProps extends Omit<EquipmentInstancesProps, 'layout' | 'sourceIds'> {
  type: EquipmentType;
  items: Equipment[];
  sourceIndex: ReadonlyMap<string, number>;
}

function EquipmentTypeMesh({ type, items, onSelect, frame, sourceIndex, onPress }: TypeMeshProps) {
  const ref = useRef<InstancedMesh>(null);
  const invalidate = useThree((s) => s.invalidate);
  const shape = equipmentShape(type);
  // The type's shape is shared; each mesh adds its own per-instance "stale" attribute beside it.
  const geometry = useMemo(() => {
    const g = new BufferGeometry();
    for (const [name, attribute] of Object.entries(shape.attributes)) g.setAttribute(name, attribute);
    g.setIndex(shape.getIndex());
    g.setAttribute('instanceHatch', new InstancedBufferAttribute(new Float32Array(items.length), 1));
    return g;
  }, [shape, items.length]);
  const typeRgb = useMemo(() => linearRgb(typeColour(type)), [type]);
  const slots = useMemo(() => Int32Array.from(items, (e) => sourceIndex.get(e.id) ?? -1), [items, sourceIndex]);
  // What each instance was last painted with, so a frame writes only the colours that changed.
  const painted = useMemo(() => new Int16Array(items.length), [items]);

  useLayoutEffect(() => {
    const mesh = ref.current;
    if (!mesh) return;
    const matrix = new Matrix4();
    const rotation = new Quaternion();
    const position = new Vector3();
    const scale = new Vector3();
    items.forEach((e, i) => {
      position.set(...toScene(e.position.x, e.position.y));
      rotation.setFromAxisAngle(up, (e.rotation * Math.PI) / 180);
      scale.set(e.footprint.width, equipmentHeight(e), e.footprint.depth);
      mesh.setMatrixAt(i, matrix.compose(position, rotation, scale));
    });
    mesh.instanceMatrix.needsUpdate = true;
    mesh.computeBoundingSphere();
    // The colour attribute must exist before the first draw so the shader is built with it.
    if (!mesh.instanceColor) mesh.setColorAt(0, new Color(typeColour(type)));
    painted.fill(-1);
    invalidate();
  }, [items, type, painted, invalidate]);

  useLayoutEffect(() => {
    painted.fill(-1);
    invalidate();
  }, [frame, slots, painted, invalidate]);

  useFrame(() => {
    const colours = ref.current?.instanceColor;
    const hatch = geometry.getAttribute('instanceHatch') as InstancedBufferAttribute;
    if (!colours) return;
    const rgb = colours.array as Float32Array;
    const stale = hatch.array as Float32Array;
    let changed = false;
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i]!;
      const key = frame && slot >= 0 ? frame.states[slot]! + (frame.flags[slot] === FRAME_STALE ? STALE_KEY : 0) : TYPE_KEY;
      if (painted[i] === key) continue;
      painted[i] = key;
      const from = key === TYPE_KEY ? typeRgb : STATE_RGB;
      const at = key === TYPE_KEY ? 0 : (key % STALE_KEY) * 3;
      rgb[3 * i] = from[at]!;
      rgb[3 * i + 1] = from[at + 1]!;
      rgb[3 * i + 2] = from[at + 2]!;
      stale[i] = key !== TYPE_KEY && key >= STALE_KEY ? 1 : 0;
      changed = true;
    }
    if (changed) {
      colours.needsUpdate = true;
      hatch.needsUpdate = true;
    }
  });

  const hit = (event: ThreeEvent<MouseEvent | PointerEvent>) => (event.instanceId === undefined ? undefined : items[event.instanceId]);
  const click = (event: ThreeEvent<MouseEvent>) => {
    event.stopPropagation();
    const e = hit(event);
    if (e) onSelect(e.id);
  };
  const press = onPress && ((event: ThreeEvent<PointerEvent>) => {
    const e = hit(event);
    if (!e || event.button !== 0) return;
    event.stopPropagation();
    onSelect(e.id);
    onPress(e.id, event);
  });

  return (
    <instancedMesh ref={ref} args={[geometry, undefined, items.length]} onClick={click} onPointerDown={press}>
      <meshStandardMaterial vertexColors roughness={0.85} metalness={0.05} onBeforeCompile={hatchStale} customProgramCacheKey={hatchCacheKey} />
    </instancedMesh>
  );
}
