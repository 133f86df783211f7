import { z } from 'zod';
import { Id, IsoDateTime } from '../model/common.ts';

/**
 * A trainee's answers to a lesson (`plant-twin/lesson-answers`): what the app records as the
 * trainee plays, and what `plant-twin lesson score --answers` replays headless. The same answers
 * give the same score, in the browser and in the CLI.
 */

export const Choice = z.union([
  z.string().min(1).describe('An option id: an order id (next-job), a rule (dispatching-rule), a machine id or "keep" (reroute), "accept" or "refuse" (rush-order), a candidate id (sequence), an equipment id (identify-bottleneck)'),
  z.array(z.string().min(1)).min(2).describe('sequence: the trainee\'s own order of attribute values'),
  z.number().finite().describe('estimate: the value'),
  z.object({ from: IsoDateTime, to: IsoDateTime }).strict().describe('mark-stop: the stop the trainee marked'),
]);

export const Answer = z.object({
  decision: Id,
  choice: Choice,
  hints: z.number().int().nonnegative().default(0).describe('Hints opened (the first n of the decision\'s hints)'),
  seconds: z.number().finite().nonnegative().default(0).describe('Seconds taken to decide'),
}).strict();

export const AlarmAction = z.object({
  alarm: z.string().min(1).describe('"<rule id>/<source>/<n>": the n-th alarm (from 1) of that rule on that machine or order'),
  action: z.enum(['acknowledge', 'shelve', 'unshelve']),
  at: IsoDateTime.describe('Plant time of the action'),
  until: IsoDateTime.optional().describe('shelve: when the alarm comes back (the end of the lesson when absent)'),
}).strict();

export const LessonAnswers = z.object({
  format: z.literal('plant-twin/lesson-answers'),
  version: z.literal(1),
  lesson: Id.describe('Id of the lesson answered'),
  trainee: z.string().min(1).max(80),
  answers: z.array(Answer),
  alarms: z.array(AlarmAction).default([]),
}).strict().meta({ title: 'Plant Twin lesson answers', description: 'A trainee\'s decisions, hints, times and alarm actions in a lesson, replayed to score it.' });

export type LessonAnswers = z.infer<typeof LessonAnswers>;
export type LessonAnswersInput = z.input<typeof LessonAnswers>;
export type Answer = z.infer<typeof Answer>;
export type Choice = z.infer<typeof Choice>;
export type AlarmAction = z.infer<typeof AlarmAction>;
