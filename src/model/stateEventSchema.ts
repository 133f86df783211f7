import { z } from 'zod';
import { Id, IsoDateTime } from './common.ts';
import { MachineState } from './machineState.ts';

/** The last millisecond an ISO 8601 date-time can name (9999-12-31T23:59:59.999Z); epoch times stop there too. */
export const MAX_EPOCH_MS = 253_402_300_799_999;

/**
 * An instant: ISO 8601 with offset, or milliseconds since the Unix epoch. Recordings refuse epoch
 * times past MAX_EPOCH_MS (see the readers); live messages leave absurd times to the plausibility
 * window of LiveStates, which counts them apart.
 */
export const Timestamp = z.union([IsoDateTime, z.number().finite().nonnegative().describe('Milliseconds since the Unix epoch')]);

/** One JSON-lines record of a machine-state recording (also the MQTT payload plus its equipment). */
export const StateEvent = z.object({
  ts: Timestamp,
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

/**
 * A gap in a JSON-lines recording: from `ts` (the last message heard before the connection was
 * lost) to `until` (subscribed again, or the end of the recording) messages may be missing. Readers
 * show every equipment known at that point of the file as `unknown` from `ts`, until its next event.
 */
export const RecordingGap = z.object({
  ts: Timestamp,
  gap: z.string().min(1).describe('Why: e.g. "connection to the broker lost"'),
  until: Timestamp,
  sessionKept: z.boolean().optional().describe('The broker kept the session: messages queued for it were delivered after the gap'),
}).strict().meta({ title: 'Plant Twin recording gap', description: 'A line of a JSON-lines recording that marks time in which messages may be missing.' });
export type RecordingGap = z.infer<typeof RecordingGap>;
