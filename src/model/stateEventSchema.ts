import { z } from 'zod';
import { Id, IsoDateTime } from './common.ts';
import { MachineState } from './machineState.ts';

/** One JSON-lines record of a machine-state recording (also the MQTT payload plus its equipment). */
export const StateEvent = z.object({
  ts: z.union([IsoDateTime, z.number().finite().nonnegative().describe('Milliseconds since the Unix epoch')]),
  equipment: Id,
  state: MachineState.optional(),
  reason: z.string().optional(),
  order: Id.optional(),
  operation: Id.optional(),
  good: z.number().int().nonnegative().optional().describe('Cumulative good count'),
  scrap: z.number().int().nonnegative().optional().describe('Cumulative scrap count'),
}).strict().refine((e) => Object.keys(e).length > 2, { message: 'an event carries at least one field besides ts and equipment' })
  .meta({ title: 'Plant Twin machine-state event', description: 'One line of a JSON-lines recording.' });
export type StateEvent = z.infer<typeof StateEvent>;

/** The fields a CSV long-format row (time,equipment,field,value) may name. */
export const StateField = z.enum(['state', 'reason', 'order', 'operation', 'good', 'scrap']);
export type StateField = z.infer<typeof StateField>;

export const CSV_HEADER = ['time', 'equipment', 'field', 'value'] as const;
