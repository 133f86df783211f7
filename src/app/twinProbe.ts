import { invalidate, type RootState } from '@react-three/fiber';
import { Vector3 } from 'three';
import type { MachineState } from '../model/machineState.ts';
import { equipmentHeight } from '../twin/equipmentLook.ts';
import { toScene } from '../twin/floorCoordinates.ts';
import { allEquipment } from '../model/plantEquipment.ts';
import { createTwinFrame, FRAME_STALE, stateName } from '../playback/stateSource.ts';
import { demoStates, playbackStore, seek, twinStore } from '../state/twinStore.ts';

export interface RenderFigures { calls: number; triangles: number; geometries: number; frame: number }

/** What browser tests and the render benchmark read from the running twin. */
export interface TwinProbe {
  /** renderer.info of the last frame drawn. */
  info(): RenderFigures;
  camera(): { position: [number, number, number]; target: [number, number, number] };
  /** Page coordinates of the middle of a piece of equipment (centre, half its height). */
  project(equipmentId: string): { x: number; y: number } | undefined;
  /** Asks for a frame and resolves once it has been drawn. */
  rendered(): Promise<void>;
  showDemo(parts: number): void;
  seek(minutes: number): void;
  /** The state the scene shows for a piece of equipment now, from the last sampled frame. */
  stateOf(equipmentId: string): MachineState | undefined;
  /** Whether the scene shows that equipment's state as stale (hatched), from the last sampled frame. */
  staleOf(equipmentId: string): boolean | undefined;
  /** What the state source says about a piece of equipment at any time, without moving the playhead. */
  stateAt(equipmentId: string, minutes: number): MachineState | undefined;
  /** Id of the equipment selected in the twin (and the tree). */
  selected(): string | undefined;
}

declare global {
  interface Window { __twin?: TwinProbe }
}

interface OrbitTarget { target: Vector3 }

/** Publishes the probe on window.__twin once the canvas exists; the app layer is the only place that knows both. */
export function exposeTwinProbe(root: RootState): void {
  const get = root.get;
  const probe: TwinProbe = {
    info() {
      const { render, memory } = get().gl.info;
      return { calls: render.calls, triangles: render.triangles, geometries: memory.geometries, frame: render.frame };
    },
    camera() {
      const { camera, controls } = get();
      const target = (controls as unknown as OrbitTarget | null)?.target ?? new Vector3();
      return { position: camera.position.toArray() as [number, number, number], target: target.toArray() as [number, number, number] };
    },
    project(equipmentId) {
      const layout = twinStore.getState().plant?.layout;
      const e = layout && allEquipment(layout).find((x) => x.id === equipmentId);
      if (!e) return undefined;
      const { camera, gl } = get();
      const p = new Vector3(...toScene(e.position.x, e.position.y, equipmentHeight(e) / 2)).project(camera);
      const rect = gl.domElement.getBoundingClientRect();
      return { x: rect.left + ((p.x + 1) / 2) * rect.width, y: rect.top + ((1 - p.y) / 2) * rect.height };
    },
    rendered() {
      const before = get().gl.info.render.frame;
      invalidate();
      return new Promise((resolve) => {
        const wait = () => (get().gl.info.render.frame > before ? requestAnimationFrame(() => resolve()) : requestAnimationFrame(wait));
        requestAnimationFrame(wait);
      });
    },
    showDemo: (parts) => demoStates.show(parts),
    seek,
    stateOf(equipmentId) {
      const { source, frame } = playbackStore.getState();
      const index = source?.equipmentIds.indexOf(equipmentId) ?? -1;
      return source && frame && index >= 0 ? stateName(frame.states[index]!) : undefined;
    },
    staleOf(equipmentId) {
      const { source, frame } = playbackStore.getState();
      const index = source?.equipmentIds.indexOf(equipmentId) ?? -1;
      return source && frame && index >= 0 ? frame.flags[index] === FRAME_STALE : undefined;
    },
    stateAt(equipmentId, minutes) {
      const { source } = playbackStore.getState();
      const index = source?.equipmentIds.indexOf(equipmentId) ?? -1;
      if (!source || index < 0) return undefined;
      const scratch = createTwinFrame({ ...source, maxParts: 0 });
      source.sample(minutes, scratch);
      return stateName(scratch.states[index]!);
    },
    selected: () => twinStore.getState().selected,
  };
  window.__twin = probe;
}
