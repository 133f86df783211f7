import { z } from 'zod';
import { Distribution, Id } from '../model/common.ts';

export const Site = z.object({
  id: Id,
  name: z.string().min(1),
  scenario: z.string().min(1).describe('Path of the site\'s scenario file, relative to this file'),
  timeZone: z.string().min(1).describe('IANA time zone of the site, e.g. "Europe/Berlin"'),
  location: z.string().optional(),
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
