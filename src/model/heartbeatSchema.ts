import { z } from 'zod';
import { IsoDateTime } from './common.ts';

/**
 * The payload of an MQTT heartbeat (`…/heartbeat`): empty, or a JSON object whose optional `ts`
 * is the publisher's clock. Other fields (sequence numbers, uptime) are allowed and ignored, since
 * heartbeats are often a gateway's status message.
 */
export const Heartbeat = z.looseObject({
  ts: z.union([IsoDateTime, z.number().finite().nonnegative().describe('Milliseconds since the Unix epoch')]).optional(),
}).meta({ title: 'Plant Twin heartbeat', description: 'Payload of an MQTT heartbeat topic: the equipment under the topic still holds its last reported state.' });
export type Heartbeat = z.infer<typeof Heartbeat>;
