import { z } from 'zod';
import { Id } from './common.ts';

/**
 * Which layout equipment each device of a recording speaks for, when the recording's ids are not
 * the layout's (an MTConnect device name, a PLC tag prefix). Written by the app's mapping dialog
 * and by `plant-twin map-recording`, read by both.
 */
export const RecordingMapping = z.strictObject({
  recording: z.string().min(1).optional().describe('File name of the recording the mapping was made for (informational)'),
  equipment: z.record(
    z.string().min(1).max(200).describe('Device id as it appears in the recording'),
    Id.describe('Id of the layout equipment the device speaks for'),
  ).describe('Recorded device id → layout equipment id'),
}).meta({ title: 'Plant Twin recording mapping', description: 'Maps the device ids of a machine-state recording to the equipment of a plant layout.' });
export type RecordingMapping = z.infer<typeof RecordingMapping>;
