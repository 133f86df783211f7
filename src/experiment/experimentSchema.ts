import { z } from 'zod';
import { Id } from '../model/common.ts';
import { PLANT_KPIS } from '../sim/plant/replicatePlant.ts';

/** The most systems an experiment compares side by side; a sweep may have more configurations. */
export const MAX_ALTERNATIVES = 8;
export const MAX_CONFIGURATIONS = 200;

const ChangePath = z.string().regex(/^(scenario|layout)(\.|\[|$)/, 'a path starting with "scenario" or "layout", e.g. "scenario.operators[id=setters].count"')
  .describe('Where to change: "scenario." or "layout." then keys and list selectors: [3] (index), [id=X] (the element whose "id" is X; any key), [*] (every element); "layout.equipment" is every equipment wherever it sits in the hierarchy');

/** Any JSON value (a `set` change may write a number, a list of days, a distribution…). */
export const JsonValue = z.json();

export const SetChange = z.object({
  set: ChangePath,
  value: JsonValue.describe('The new value (any JSON); the changed files are checked as files are'),
}).strict();

export const ScaleChange = z.object({
  scale: ChangePath,
  by: z.number().finite().positive().describe('Factor: numbers are multiplied; a duration distribution has its durations multiplied (shape kept)'),
}).strict();

export const Change = z.union([SetChange, ScaleChange])
  .describe('One change to the base files: {"set": path, "value": v} or {"scale": path, "by": f}');
export type Change = z.infer<typeof Change>;

export const Alternative = z.object({
  id: Id,
  name: z.string().min(1).optional(),
  scenario: z.string().min(1).optional().describe('Another scenario file (relative to this file) instead of the base'),
  changes: z.array(Change).default([]).describe('Applied in order to the scenario (and its layout)'),
}).strict();
export type Alternative = z.infer<typeof Alternative>;

const NumericFactor = z.object({
  name: z.string().min(1),
  set: ChangePath.optional(),
  scale: ChangePath.optional(),
  levels: z.array(z.number().finite()).min(2),
}).strict().describe('A numeric factor: each level is set at (or scales) the path');

const CategoricalFactor = z.object({
  name: z.string().min(1),
  levels: z.array(z.object({ label: z.string().min(1), changes: z.array(Change) }).strict()).min(2),
}).strict().describe('A factor whose levels are named sets of changes, e.g. shift patterns');

export const Factor = z.union([NumericFactor, CategoricalFactor]);
export type Factor = z.infer<typeof Factor>;

export const Kpi = z.enum(PLANT_KPIS);

export const Selection = z.object({
  kpi: Kpi.describe('The KPI to optimise'),
  goal: z.enum(['maximise', 'minimise']),
  indifferenceZone: z.number().finite().positive().describe('δ, in the KPI\'s units: differences smaller than this do not matter'),
  confidence: z.number().min(0.5).max(0.999).default(0.95).describe('Probability of correct selection guaranteed when the best is at least δ better'),
  firstStage: z.number().int().min(5).max(1000).default(10).describe('n0: replications of every system before any is eliminated'),
  maxReplications: z.number().int().positive().optional().describe('Stop at this many replications of a system (the guarantee then no longer holds, and the result says so)'),
  constraint: z.object({
    kpi: Kpi,
    atLeast: z.number().finite().optional(),
    atMost: z.number().finite().optional(),
    tolerance: z.number().finite().positive().describe('ε: a system within ε of the limit may be judged either way'),
  }).strict().optional().describe('Only systems that meet this (judged with the same confidence) may be chosen'),
}).strict();
export type Selection = z.infer<typeof Selection>;

export const Experiment = z.object({
  format: z.literal('plant-twin/experiment'),
  version: z.literal(1),
  id: Id,
  name: z.string().min(1),
  description: z.string().optional(),
  base: z.string().min(1).describe('Path of the base scenario file, relative to this file'),
  seed: z.number().int().nonnegative().optional().describe('One seed for every system (common random numbers); default: the base scenario\'s'),
  replications: z.number().int().min(2).max(100_000).optional().describe('Replications of every system; default: the base scenario\'s. With a selection, the first stage is used instead'),
  alternatives: z.array(Alternative).max(MAX_ALTERNATIVES).optional().describe('Systems to compare; the first is the reference of the paired differences'),
  sweep: z.object({ factors: z.array(Factor).min(1) }).strict().optional().describe('Every combination of the factors\' levels is a system'),
  selection: Selection.optional().describe('Choose the best system by ranking and selection (Kim–Nelson, common random numbers)'),
}).strict().meta({
  title: 'Plant Twin experiment',
  description: 'Scenarios compared side by side, or a sweep of factors, on common random numbers; optionally the best chosen with a stated probability of correct selection.',
});
export type Experiment = z.infer<typeof Experiment>;
