import { z } from 'zod';
import { Id, IsoDateTime, Minutes } from './common.ts';

const Kpis = z.object({
  makespan: Minutes,
  totalSetup: Minutes,
  weightedTardiness: z.number().finite().nonnegative(),
  lateOrders: z.number().int().nonnegative(),
  utilisation: z.record(z.string(), z.number().finite().min(0).max(1)).default({}),
}).strict();

export const ScheduledOperation = z.object({
  order: Id,
  operation: Id,
  equipment: Id,
  start: IsoDateTime,
  end: IsoDateTime,
  setup: z.object({ from: z.string().nullable(), to: z.string(), minutes: Minutes, start: IsoDateTime }).strict().optional()
    .describe('The changeover right before this operation, if any'),
  begin: IsoDateTime.optional()
    .describe('When the job took its lots off the input buffer, where that was before its changeover (or run, without one) started: it waited on the equipment for an operator or for working time. Written by as-run records; a follower begins the job not before it'),
  batch: Id.optional().describe('Operations with the same batch id run together on batch equipment'),
  quantity: z.number().int().positive().optional()
    .describe('Units of the order this entry covers; absent = the whole order. Several entries of one order and operation split it (e.g. over batches)'),
  frozen: z.boolean().default(false).describe('Already running when planned; the solver must not move it'),
  locked: z.boolean().default(false).describe('Placed by hand; the solver must not move it'),
}).strict();

export const Schedule = z.object({
  format: z.literal('plant-twin/schedule'),
  version: z.literal(1),
  id: Id.describe('Version id of this schedule'),
  supersedes: Id.nullable().describe('Version id of the schedule this one replaces, or null'),
  scenario: Id,
  createdAt: IsoDateTime,
  objective: z.string().min(1).describe('What was optimised, e.g. "weightedTardiness" or "lex(lateOrders,totalSetup)"'),
  kpis: Kpis,
  lowerBound: z.number().finite().nonnegative().optional().describe('Proven lower bound on the objective'),
  gap: z.number().finite().nonnegative().optional().describe('(objective − lowerBound) / objective'),
  operations: z.array(ScheduledOperation),
}).strict().meta({ title: 'Plant Twin schedule', description: 'Operations assigned to equipment with times and changeovers.' });
export type Schedule = z.infer<typeof Schedule>;

export const DispatchJob = z.object({
  sequence: z.number().int().positive(),
  order: Id,
  product: Id,
  operation: Id,
  quantity: z.number().int().positive(),
  plannedStart: IsoDateTime,
  plannedEnd: IsoDateTime,
  changeover: z.object({ from: z.string().nullable(), to: z.string(), minutes: Minutes }).strict().optional(),
}).strict();

export const DispatchList = z.object({
  format: z.literal('plant-twin/dispatch'),
  version: z.literal(1),
  id: Id.describe('Version id of this dispatch list'),
  supersedes: Id.nullable(),
  schedule: Id.describe('The schedule it was built from'),
  createdAt: IsoDateTime,
  approvedBy: z.string().optional(),
  equipment: z.array(z.object({ equipment: Id, jobs: z.array(DispatchJob) }).strict()),
}).strict().meta({ title: 'Plant Twin dispatch list', description: 'Per equipment, the ordered jobs with planned times and changeovers.' });
export type DispatchList = z.infer<typeof DispatchList>;
