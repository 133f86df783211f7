import { z } from 'zod';
import { Distribution, Id } from '../model/common.ts';

export const Site = z.object({
  id: Id,
  name: z.string().min(1),
  scenario: z.string().min(1).describe('Path of the site\'s scenario file, relative to this file'),
  timeZone: z.string().min(1).describe('IANA time zone of the site, e.g. "Europe/Berlin"'),
  location: z.string().optional(),
  recording: z.string().min(1).optional().describe('Path of a machine-state recording of this site (state CSV, JSON lines or MTConnect SHDR), relative to this file: the site\'s recorded time in state and OEE are shown beside the simulated ones'),
  recordingMapping: z.string().min(1).optional().describe('Path of a plant-twin recording mapping file (recorded device id -> layout equipment id), relative to this file; devices whose id is a layout id need none'),
  idealCycleSeconds: z.union([z.number().positive(), z.record(Id, z.number().positive())]).optional()
    .describe('Ideal cycle time per unit in seconds, for all recorded equipment or per equipment id: the recorded OEE\'s performance needs it'),
}).strict();

export const Lane = z.object({
  from: Id,
  to: Id,
  transit: Distribution.describe('Door-to-door transit time in minutes'),
  mode: z.enum(['road', 'rail', 'sea', 'air']).default('road'),
}).strict();

export const Network = z.object({
  format: z.literal('plant-twin/network'),
  version: z.literal(1),
  id: Id,
  name: z.string().min(1),
  description: z.string().optional(),
  sites: z.array(Site).min(1),
  lanes: z.array(Lane).default([]).describe('Transfer lanes between sites; one per direction'),
}).strict().meta({ title: 'Plant Twin network', description: 'Several sites, each with its scenario and time zone, and the transfer lanes between them.' });
export type Network = z.infer<typeof Network>;
