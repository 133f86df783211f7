import { z } from 'zod';
import { Id, Metres, PositiveMetres } from './common.ts';

/** Kinds of equipment the twin knows how to draw and the simulator knows how to treat. */
export const EquipmentType = z.enum([
  'laser-cutter', 'press-brake', 'press', 'welding-cell', 'robot-cell', 'paint-line', 'oven', 'furnace',
  'machining-center', 'lathe', 'deburr-station', 'wash-station', 'cmm', 'inspection',
  'printer', 'pick-and-place', 'reflow-oven', 'aoi', 'ict-tester',
  'assembly-station', 'packing-station', 'conveyor', 'rack', 'buffer', 'agv-station',
]).describe('Equipment type, used for drawing and for defaults');
export type EquipmentType = z.infer<typeof EquipmentType>;

export const Position = z.object({ x: Metres, y: Metres }).strict()
  .describe('Centre on the floor plan in metres; x east, y north');

export const Footprint = z.object({ width: PositiveMetres, depth: PositiveMetres, height: PositiveMetres.optional() }).strict()
  .describe('Size in metres before rotation: width along x, depth along y');

const Capacity = z.number().int().positive().describe('Capacity in parts (units); absent means unlimited');

export const Equipment = z.object({
  id: Id,
  name: z.string().min(1),
  type: EquipmentType,
  position: Position,
  footprint: Footprint,
  rotation: z.number().finite().default(0).describe('Rotation about the vertical axis, degrees counter-clockwise'),
  capabilities: z.array(z.string().min(1)).default([])
    .describe('Operation classes this equipment can run, e.g. "laser-cut", "powder-coat"'),
  inputBuffer: Capacity.optional().describe('Capacity of the queue in front of the equipment, in parts; absent = unlimited'),
  outputBuffer: Capacity.optional().describe('Capacity of the place finished parts wait for transport; absent = unlimited'),
  capacity: Capacity.optional().describe('For racks, buffers and batch equipment: how many parts it holds'),
}).strict();
export type Equipment = z.infer<typeof Equipment>;

export const WorkCell = z.object({ id: Id, name: z.string().min(1), equipment: z.array(Equipment).min(1) }).strict()
  .describe('ISA-95 work cell / work unit');
export const Line = z.object({ id: Id, name: z.string().min(1), cells: z.array(WorkCell).min(1) }).strict()
  .describe('ISA-95 production line (or process cell, storage zone)');
export const Area = z.object({ id: Id, name: z.string().min(1), lines: z.array(Line).min(1) }).strict()
  .describe('ISA-95 area');
export const Site = z.object({ id: Id, name: z.string().min(1), areas: z.array(Area).min(1) }).strict()
  .describe('ISA-95 site');

export const PathNode = z.object({
  id: Id,
  position: Position,
  equipment: Id.optional().describe('The equipment this node is the pick-up/drop-off point of'),
}).strict();

export const PathEdge = z.object({
  from: Id,
  to: Id,
  kind: z.enum(['aisle', 'conveyor']).default('aisle'),
  bidirectional: z.boolean().default(true),
  length: PositiveMetres.optional().describe('Metres; absent = straight-line distance between the nodes'),
}).strict();

export const PathGraph = z.object({ nodes: z.array(PathNode).min(1), edges: z.array(PathEdge) }).strict()
  .describe('Transport paths: aisles and conveyors between pick-up/drop-off points');

export const Layout = z.object({
  format: z.literal('plant-twin/layout'),
  version: z.literal(1),
  id: Id,
  name: z.string().min(1),
  description: z.string().optional(),
  enterprise: z.string().min(1).optional().describe('ISA-95 enterprise name, used in MQTT topics'),
  floor: z.object({ width: PositiveMetres, depth: PositiveMetres, origin: Position.optional() }).strict()
    .describe('Floor rectangle in metres; origin is its south-west corner (default 0,0)'),
  site: Site,
  paths: PathGraph,
}).strict().meta({ title: 'Plant Twin layout', description: 'A plant layout: ISA-95 hierarchy, equipment on the floor, transport paths.' });
export type Layout = z.infer<typeof Layout>;
export type LayoutInput = z.input<typeof Layout>;
