import { z } from 'zod';
import { Distribution, Id } from '../model/common.ts';

/**
 * A site's live machine states: the broker and topics the app's live view would use. No password:
 * a network file is shared and kept in version control; the app asks for it when `username` is set.
 */
export const LiveSite = z.object({
  url: z.string().min(1).describe('Broker URL: ws:// or wss:// (the browser connects to the broker\'s WebSocket listener); no user name or password in it'),
  topic: z.string().min(1).describe('MQTT topic filter of the site\'s state topics, e.g. "acme/leeds/#"'),
  mapping: z.object({
    prefixes: z.record(z.string().min(1), Id).optional().describe('Topic prefix (whole levels) -> layout equipment id, for topics whose equipment level is not the layout id'),
    leaf: z.string().min(1).optional().describe('Last level of a state topic; default "state"'),
    heartbeatLeaf: z.string().min(1).optional().describe('Last level of a heartbeat topic; default "heartbeat"'),
  }).strict().optional(),
  expectedPeriodSeconds: z.number().positive().default(60).describe('How often each equipment reports (a state message or a heartbeat)'),
  staleFactor: z.number().positive().default(5).describe('An equipment is stale after this many expected periods without a message'),
  username: z.string().min(1).optional().describe('Broker user name; the app asks for the password, which is never in the file'),
}).strict();
export type LiveSite = z.infer<typeof LiveSite>;

export const Site = z.object({
  id: Id,
  name: z.string().min(1),
  scenario: z.string().min(1).describe('Path of the site\'s scenario file, relative to this file'),
  timeZone: z.string().min(1).describe('IANA time zone of the site, e.g. "Europe/Berlin"'),
  location: z.string().optional(),
  recording: z.string().min(1).optional().describe('Path of a machine-state recording of this site (state CSV, JSON lines or MTConnect SHDR), relative to this file: the site\'s recorded time in state and OEE are shown beside the simulated ones'),
  recordingMapping: z.string().min(1).optional().describe('Path of a plant-twin recording mapping file (recorded device id -> layout equipment id), relative to this file; devices whose id is a layout id need none'),
  live: LiveSite.optional().describe('The site\'s live machine states over MQTT: its live time in state and OEE since connect are shown beside the simulated ones'),
  idealCycleSeconds: z.union([z.number().positive(), z.record(Id, z.number().positive())]).optional()
    .describe('Ideal cycle time per unit in seconds, for all equipment or per equipment id: the recorded and live OEE\'s performance needs it'),
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
