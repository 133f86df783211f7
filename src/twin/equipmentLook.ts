import type { Equipment, EquipmentType } from '../model/layoutSchema.ts';

// ISA-101 habit: the plant itself is drawn in calm greys, told apart by shade; saturated colour
// is kept for what needs the user's eye (selection now, machine states and alarms later).
const shade = {
  forming: '#8a9199',
  joining: '#7f8892',
  thermal: '#9ba2a9',
  machining: '#868d95',
  inspection: '#a5aeb6',
  electronics: '#909aa3',
  manual: '#b1b6bb',
  transport: '#6c747b',
  storage: '#c2c6ca',
} as const;

const look: Record<EquipmentType, { colour: string; height: number }> = {
  'laser-cutter': { colour: shade.forming, height: 2.0 },
  'press-brake': { colour: shade.forming, height: 2.6 },
  press: { colour: shade.forming, height: 3.0 },
  'welding-cell': { colour: shade.joining, height: 2.2 },
  'robot-cell': { colour: shade.joining, height: 2.2 },
  'paint-line': { colour: shade.thermal, height: 3.2 },
  oven: { colour: shade.thermal, height: 2.8 },
  furnace: { colour: shade.thermal, height: 3.0 },
  'machining-center': { colour: shade.machining, height: 2.8 },
  lathe: { colour: shade.machining, height: 2.0 },
  'deburr-station': { colour: shade.machining, height: 1.6 },
  'wash-station': { colour: shade.thermal, height: 2.2 },
  cmm: { colour: shade.inspection, height: 2.4 },
  inspection: { colour: shade.inspection, height: 1.6 },
  printer: { colour: shade.electronics, height: 1.5 },
  'pick-and-place': { colour: shade.electronics, height: 1.6 },
  'reflow-oven': { colour: shade.thermal, height: 1.5 },
  aoi: { colour: shade.inspection, height: 1.5 },
  'ict-tester': { colour: shade.inspection, height: 1.7 },
  'assembly-station': { colour: shade.manual, height: 1.2 },
  'packing-station': { colour: shade.manual, height: 1.2 },
  conveyor: { colour: shade.transport, height: 0.9 },
  rack: { colour: shade.storage, height: 2.5 },
  buffer: { colour: shade.storage, height: 1.0 },
  'agv-station': { colour: shade.storage, height: 0.3 },
};

export const selectionColour = '#2f7de1';

export function typeColour(type: EquipmentType): string {
  return look[type].colour;
}

/** Drawn height in metres: the footprint's own height, or a typical one for the type. */
export function equipmentHeight(e: Equipment): number {
  return e.footprint.height ?? look[e.type].height;
}
