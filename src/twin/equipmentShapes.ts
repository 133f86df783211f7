import type { BufferGeometry } from 'three';
import type { EquipmentType } from '../model/layoutSchema.ts';
import { ShapeParts } from './shapeParts.ts';

// Shades: 1 = body, lower = darker detail (windows, frames, mechanisms).
const DARK = 0.45;
const MID = 0.7;

/** Enclosed machine with a sliding door and its control panel on the front (machining centre, lathe). */
function machiningCentre(doorWidth: number): ShapeParts {
  return new ShapeParts()
    .block(0, -0.05, 1, 0.9, 0, 0.9)
    .block(-0.12, 0.41, doorWidth, 0.04, 0.2, 0.78, DARK)
    .block(-0.12, 0.425, doorWidth * 0.6, 0.02, 0.42, 0.68, 0.3)
    .block(0.39, 0.43, 0.14, 0.08, 0.35, 0.8, MID)
    .block(-0.5 + 0.08, -0.35, 0.12, 0.25, 0.9, 0.96, MID)
    .cylinder(0.42, -0.38, 0.025, 0.9, 1, DARK, 8);
}

/** Two side frames, crown, ram and bed (press, press brake). */
function press(): ShapeParts {
  return new ShapeParts()
    .block(0, 0, 1, 0.7, 0, 0.32, MID)
    .block(-0.42, 0, 0.16, 0.85, 0, 1)
    .block(0.42, 0, 0.16, 0.85, 0, 1)
    .block(0, 0, 1, 0.85, 0.78, 1)
    .block(0, 0.05, 0.68, 0.5, 0.52, 0.78, DARK)
    .block(0, 0.05, 0.6, 0.4, 0.32, 0.38, 0.55)
    .block(0.42, 0.46, 0.12, 0.08, 0.3, 0.6, DARK);
}

/** Fenced robot cell: guard walls with a door gap, a robot arm, a work table. */
function robotCell(): ShapeParts {
  const wall = 0.03;
  return new ShapeParts()
    .block(0, -0.5 + wall / 2, 1, wall, 0, 0.8, MID)
    .block(-0.5 + wall / 2, 0, wall, 1, 0, 0.8, MID)
    .block(0.5 - wall / 2, 0, wall, 1, 0, 0.8, MID)
    .block(-0.3, 0.5 - wall / 2, 0.4, wall, 0, 0.8, MID)
    .block(0.38, 0.5 - wall / 2, 0.24, wall, 0, 0.8, MID)
    .cylinder(0.46, -0.46, 0.025, 0.8, 1, DARK, 8)
    .cylinder(0.05, -0.1, 0.11, 0, 0.12, DARK)
    .cylinder(0.05, -0.1, 0.07, 0.12, 0.72)
    .box(0.17, 0.76, -0.1, 0.3, 0.08, 0.08)
    .box(0.3, 0.6, -0.1, 0.07, 0.3, 0.07)
    .box(0.3, 0.42, -0.1, 0.05, 0.06, 0.05, DARK)
    .block(0.3, 0.2, 0.35, 0.3, 0, 0.28, 0.8);
}

/** A long tunnel with dark openings at both ends and an exhaust stack (oven, paint line, reflow, wash). */
function tunnel(stack: boolean): ShapeParts {
  const parts = new ShapeParts()
    .block(0, 0, 1, 0.85, 0, 0.82)
    .block(-0.49, 0, 0.02, 0.5, 0.2, 0.6, 0.3)
    .block(0.49, 0, 0.02, 0.5, 0.2, 0.6, 0.3)
    .block(0, 0.43, 0.9, 0.02, 0.55, 0.62, MID);
  if (stack) parts.cylinder(0.25, -0.2, 0.05, 0.82, 1, MID);
  else parts.block(0, 0, 0.7, 0.5, 0.82, 1, MID);
  return parts;
}

/** Batch furnace: a box with a front door and a hood with a flue. */
function furnace(): ShapeParts {
  return new ShapeParts()
    .block(0, -0.05, 0.9, 0.85, 0, 0.8)
    .block(0, 0.39, 0.6, 0.06, 0.12, 0.66, 0.55)
    .block(0.36, 0.41, 0.1, 0.06, 0.3, 0.55, DARK)
    .block(0, -0.1, 0.5, 0.5, 0.8, 0.9, MID)
    .cylinder(0, -0.1, 0.06, 0.9, 1, MID);
}

/** Legs, a bed and rollers (conveyor segment). */
function conveyor(): ShapeParts {
  const parts = new ShapeParts().block(0, 0, 1, 0.9, 0.72, 0.84, MID);
  for (const x of [-0.45, 0.45]) for (const z of [-0.38, 0.38]) parts.block(x, z, 0.04, 0.05, 0, 0.72, DARK);
  for (let i = 0; i < 12; i++) parts.roller(-0.46 + (i * 0.92) / 11, 0.88, 0.035, 0.86, 0.9);
  parts.block(0, -0.46, 1, 0.04, 0.84, 1, DARK).block(0, 0.46, 1, 0.04, 0.84, 1, DARK);
  return parts;
}

/** Pallet rack: uprights, beams and some stock on the shelves. */
function rack(): ShapeParts {
  const parts = new ShapeParts();
  for (const x of [-0.49, -0.165, 0.165, 0.49]) for (const z of [-0.45, 0.45]) parts.block(x, z, 0.02, 0.05, 0, 1, DARK);
  for (const y of [0.02, 0.34, 0.66, 0.97]) parts.box(0, y, 0, 1, 0.03, 0.96, MID);
  const stock: [number, number][] = [[-0.33, 0.04], [0, 0.04], [0.33, 0.36], [-0.33, 0.68], [0.33, 0.68], [0, 0.36]];
  for (const [x, y] of stock) parts.block(x, 0, 0.28, 0.8, y, y + 0.22, 0.95);
  return parts;
}

/** A pallet with stacked boxes (buffer). */
function buffer(): ShapeParts {
  return new ShapeParts()
    .block(0, 0, 0.95, 0.95, 0, 0.12, MID)
    .block(-0.22, -0.22, 0.42, 0.42, 0.12, 0.55)
    .block(0.22, -0.22, 0.42, 0.42, 0.12, 0.55, 0.9)
    .block(-0.22, 0.22, 0.42, 0.42, 0.12, 0.55, 0.9)
    .block(0.22, 0.22, 0.42, 0.42, 0.12, 1);
}

/** Coordinate measuring machine: granite table and a gantry with a probe. */
function cmm(): ShapeParts {
  return new ShapeParts()
    .block(0, 0, 0.92, 0.8, 0, 0.45, MID)
    .block(-0.4, 0, 0.07, 0.12, 0.45, 0.9)
    .block(0.4, 0, 0.07, 0.12, 0.45, 0.9)
    .block(0, 0, 0.9, 0.12, 0.88, 1)
    .block(0.1, 0, 0.07, 0.07, 0.55, 0.88, DARK)
    .block(0.46, 0.42, 0.08, 0.1, 0.3, 0.7, DARK);
}

/** Inspection desk with a screen and a camera arm. */
function inspection(): ShapeParts {
  const parts = new ShapeParts().block(0, 0, 1, 0.75, 0.52, 0.58);
  for (const x of [-0.46, 0.46]) for (const z of [-0.33, 0.33]) parts.block(x, z, 0.05, 0.05, 0, 0.52, DARK);
  return parts
    .block(-0.15, -0.3, 0.45, 0.04, 0.62, 0.95, 0.3)
    .block(-0.15, -0.3, 0.06, 0.06, 0.58, 0.64, DARK)
    .block(0.3, -0.3, 0.05, 0.05, 0.58, 1, DARK)
    .block(0.3, -0.1, 0.05, 0.4, 0.94, 0.99, DARK)
    .block(0.3, 0.08, 0.1, 0.1, 0.84, 0.94, MID);
}

/** Electronics cabinet with a dark hood and conveyor stubs through its sides (printer, pick-and-place, AOI, ICT). */
function electronicsCabinet(hood: number): ShapeParts {
  return new ShapeParts()
    .block(0, 0, 1, 0.92, 0, 0.62)
    .block(0, 0, 0.9, 0.8, 0.62, 0.62 + hood, DARK)
    .block(0, 0, 1, 0.25, 0.55, 0.6, MID)
    .block(0.34, 0.44, 0.18, 0.06, 0.62, 0.85, 0.3)
    .cylinder(0.42, -0.4, 0.025, 0.62, 1, DARK, 8);
}

/** Workbench with an overhead shelf and bins (assembly, packing). */
function workbench(withBoxes: boolean): ShapeParts {
  const parts = new ShapeParts().block(0, 0.05, 1, 0.8, 0.66, 0.74);
  for (const x of [-0.46, 0.46]) for (const z of [-0.3, 0.4]) parts.block(x, z, 0.05, 0.05, 0, 0.66, DARK);
  parts.block(-0.46, -0.38, 0.04, 0.04, 0.74, 1, DARK).block(0.46, -0.38, 0.04, 0.04, 0.74, 1, DARK)
    .block(0, -0.35, 0.96, 0.2, 0.93, 0.96, MID);
  for (const x of [-0.3, 0, 0.3]) parts.block(x, -0.35, 0.2, 0.16, 0.96, 1, 0.6);
  if (withBoxes) parts.block(0.2, 0.1, 0.35, 0.35, 0.74, 0.92, 0.85).block(-0.25, 0.15, 0.25, 0.25, 0.74, 0.86, 0.9);
  return parts;
}

/** Parking and charging pad with an AGV on it. */
function agvStation(): ShapeParts {
  return new ShapeParts()
    .block(0, 0, 1, 1, 0, 0.08, 0.85)
    .block(0, -0.47, 1, 0.06, 0.08, 0.1, DARK)
    .block(0, 0.47, 1, 0.06, 0.08, 0.1, DARK)
    .block(0, 0, 0.62, 0.48, 0.1, 0.75, MID)
    .block(0, 0, 0.5, 0.36, 0.75, 1, 0.95)
    .block(0.45, -0.38, 0.08, 0.16, 0.08, 0.9, DARK);
}

/** Laser cutter: an enclosed cutting cabin with a window strip, a pallet changer and a chiller. */
function laserCutter(): ShapeParts {
  return new ShapeParts()
    .block(0.08, 0, 0.78, 0.9, 0, 0.85)
    .block(0.08, 0.45, 0.62, 0.02, 0.5, 0.7, 0.3)
    .block(-0.4, 0, 0.2, 0.85, 0, 0.38, MID)
    .block(-0.4, 0, 0.18, 0.8, 0.38, 0.42, DARK)
    .block(0.45, -0.3, 0.1, 0.35, 0, 0.6, MID)
    .cylinder(0.45, 0.38, 0.025, 0.85, 1, DARK, 8);
}

/** Deburring booth with an extraction duct. */
function deburr(): ShapeParts {
  return new ShapeParts()
    .block(0, -0.05, 0.9, 0.85, 0, 0.75)
    .block(0, 0.38, 0.6, 0.06, 0.35, 0.65, 0.3)
    .block(0, 0.42, 0.9, 0.12, 0.3, 0.35, MID)
    .cylinder(-0.25, -0.25, 0.1, 0.75, 1, MID);
}

const recipes: Record<EquipmentType, () => ShapeParts> = {
  'machining-center': () => machiningCentre(0.55),
  lathe: () => machiningCentre(0.7),
  press,
  'press-brake': press,
  'robot-cell': robotCell,
  'welding-cell': robotCell,
  oven: () => tunnel(true),
  'paint-line': () => tunnel(true),
  'reflow-oven': () => tunnel(false),
  'wash-station': () => tunnel(true),
  furnace,
  conveyor,
  rack,
  buffer,
  cmm,
  inspection,
  aoi: () => electronicsCabinet(0.25),
  'ict-tester': () => electronicsCabinet(0.2),
  printer: () => electronicsCabinet(0.3),
  'pick-and-place': () => electronicsCabinet(0.35),
  'assembly-station': () => workbench(false),
  'packing-station': () => workbench(true),
  'agv-station': agvStation,
  'laser-cutter': laserCutter,
  'deburr-station': deburr,
};

const made = new Map<EquipmentType, BufferGeometry>();

/**
 * One merged geometry per equipment type, in a unit footprint (scaled per instance to the
 * equipment's width, height and depth), so each type stays one instanced mesh and one draw call.
 * Made once and shared: the meshes of every plant use the same geometry for a type.
 */
export function equipmentShape(type: EquipmentType): BufferGeometry {
  let geometry = made.get(type);
  if (!geometry) {
    geometry = recipes[type]().merge();
    made.set(type, geometry);
  }
  return geometry;
}
