import type { EquipmentType, Footprint } from '../layoutSchema.ts';
import type { z } from 'zod';

/** What the "add" palette offers: a name and a typical footprint in metres for each type. */
export const PALETTE: Record<EquipmentType, { label: string; footprint: z.infer<typeof Footprint> }> = {
  'machining-center': { label: 'Machining centre', footprint: { width: 4, depth: 3 } },
  lathe: { label: 'Lathe', footprint: { width: 4, depth: 2 } },
  press: { label: 'Press', footprint: { width: 3, depth: 2.5 } },
  'press-brake': { label: 'Press brake', footprint: { width: 4, depth: 2 } },
  'laser-cutter': { label: 'Laser cutter', footprint: { width: 8, depth: 3.5 } },
  'robot-cell': { label: 'Robot cell', footprint: { width: 4, depth: 4 } },
  'welding-cell': { label: 'Welding cell', footprint: { width: 4, depth: 4 } },
  oven: { label: 'Oven', footprint: { width: 6, depth: 2.5 } },
  furnace: { label: 'Furnace', footprint: { width: 3, depth: 3 } },
  'paint-line': { label: 'Paint line', footprint: { width: 10, depth: 3 } },
  'reflow-oven': { label: 'Reflow oven', footprint: { width: 5, depth: 1.5 } },
  'wash-station': { label: 'Wash station', footprint: { width: 3, depth: 2 } },
  'deburr-station': { label: 'Deburr station', footprint: { width: 2, depth: 2 } },
  conveyor: { label: 'Conveyor segment', footprint: { width: 6, depth: 1 } },
  rack: { label: 'Rack', footprint: { width: 6, depth: 1.5 } },
  buffer: { label: 'Buffer', footprint: { width: 2, depth: 2 } },
  inspection: { label: 'Inspection station', footprint: { width: 2, depth: 2 } },
  cmm: { label: 'CMM', footprint: { width: 3, depth: 2.5 } },
  aoi: { label: 'AOI', footprint: { width: 1.5, depth: 1.5 } },
  'ict-tester': { label: 'ICT tester', footprint: { width: 1.5, depth: 1.5 } },
  printer: { label: 'Solder paste printer', footprint: { width: 1.5, depth: 1.5 } },
  'pick-and-place': { label: 'Pick and place', footprint: { width: 2, depth: 1.8 } },
  'assembly-station': { label: 'Assembly station', footprint: { width: 2.5, depth: 1.5 } },
  'packing-station': { label: 'Packing station', footprint: { width: 2.5, depth: 2 } },
  'agv-station': { label: 'AGV station', footprint: { width: 2, depth: 2 } },
};
