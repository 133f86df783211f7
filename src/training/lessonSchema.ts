import { z } from 'zod';
import { Id, IsoDateTime, PositiveMinutes } from '../model/common.ts';

/**
 * A training lesson (`plant-twin/lesson`): what it runs on, the story told in steps, what
 * happens to the plant (injected events), what the trainee decides and how that is scored,
 * and which alarms the trainee must answer. Times are plant times, ISO 8601 with an offset,
 * like every instant in the scenario format; durations are minutes.
 */

const Text = z.string().min(1);

export const Highlight = z.object({
  kind: z.enum(['machine', 'kpi', 'gantt-row', 'alarm']).describe('What to point at: a machine (equipment id), a KPI, a Gantt row (equipment id) or an alarm (alarm rule id)'),
  id: z.string().min(1).describe('Equipment id, KPI name (on-time, late-orders, wip, setup, oee, bottleneck, throughput) or alarm rule id'),
}).strict();

export const HIGHLIGHT_KPIS = ['on-time', 'late-orders', 'wip', 'setup', 'oee', 'bottleneck', 'throughput', 'availability'] as const;

export const Step = z.object({
  id: Id,
  at: IsoDateTime.describe('Plant time at which the step is shown (the play pauses there)'),
  title: Text.optional(),
  text: Text.describe('What the trainee reads'),
  highlight: z.array(Highlight).default([]),
}).strict();

const EventBase = { id: Id, at: IsoDateTime.describe('Plant time at which the event happens') };

export const Breakdown = z.object({
  ...EventBase,
  kind: z.literal('breakdown'),
  equipment: Id,
  duration: PositiveMinutes.describe('Minutes until it is repaired'),
  reason: Text.optional(),
}).strict();

export const RushOrder = z.object({
  ...EventBase,
  kind: z.literal('rush-order'),
  order: z.object({
    id: Id,
    product: Id,
    quantity: z.number().int().positive(),
    due: IsoDateTime,
    priority: z.number().int().min(1).max(10).default(8),
  }).strict().describe('The order the customer asks for; it is released at the event time if accepted'),
}).strict();

export const MaterialShortage = z.object({
  ...EventBase,
  kind: z.literal('material-shortage'),
  material: Text.describe('What runs short, for the trainee (e.g. "powder RAL 9005")'),
  products: z.array(Id).min(1).describe('Products that need it'),
  operation: Id.optional().describe('Operation id of their routings that uses it; the first operation when absent'),
  duration: PositiveMinutes,
}).strict();

export const OperatorAbsent = z.object({
  ...EventBase,
  kind: z.literal('operator-absent'),
  pool: Id.describe('Operator pool id of the scenario'),
  count: z.number().int().positive().describe('Operators who do not come'),
  duration: PositiveMinutes,
}).strict();

export const StaleData = z.object({
  ...EventBase,
  kind: z.literal('stale-data'),
  equipment: Id,
  duration: PositiveMinutes.describe('Minutes during which the twin hears nothing from it (the machine itself goes on)'),
}).strict();

export const LessonEvent = z.discriminatedUnion('kind', [Breakdown, RushOrder, MaterialShortage, OperatorAbsent, StaleData]);

export const Hint = z.object({
  text: Text,
  cost: z.number().finite().nonnegative().default(10).describe('Points the hint costs when the trainee opens it'),
}).strict();

export const TimeLimit = z.object({
  seconds: z.number().finite().positive().describe('Seconds to decide without penalty'),
  penaltyPerSecond: z.number().finite().nonnegative().default(1).describe('Points lost per whole second beyond'),
}).strict();

const DecisionBase = {
  id: Id,
  title: Text.optional(),
  prompt: Text.describe('The question put to the trainee'),
  points: z.number().finite().positive().default(100),
  hints: z.array(Hint).default([]),
  timeLimit: TimeLimit.optional().describe('Absent: the time taken to decide does not count'),
  highlight: z.array(Highlight).default([]),
};
const At = IsoDateTime.describe('Plant time at which the play pauses for the decision');
const Until = IsoDateTime.optional().describe('Until when the choice holds; the end of the lesson when absent');

export const DISPATCH_RULES = ['FIFO', 'EDD', 'SPT', 'ATCS'] as const;

export const NextJobDecision = z.object({
  ...DecisionBase, at: At,
  kind: z.literal('next-job'),
  equipment: Id.describe('The machine whose next job is chosen among the orders waiting there'),
  maxOptions: z.number().int().min(2).max(12).default(6).describe('At most this many waiting orders are offered (the first by the dispatching rule)'),
}).strict();

export const RuleDecision = z.object({
  ...DecisionBase, at: At, until: Until,
  kind: z.literal('dispatching-rule'),
  equipment: z.array(Id).min(1).optional().describe('Machines the rule applies to; all when absent'),
  options: z.array(z.enum(DISPATCH_RULES)).min(2).default([...DISPATCH_RULES]),
}).strict();

export const RerouteDecision = z.object({
  ...DecisionBase, at: At, until: Until,
  kind: z.literal('reroute'),
  from: Id.describe('The machine work is taken away from'),
  to: z.array(Id).min(1).describe('Machines the trainee may send it to; "keep" (send nothing elsewhere) is always an option'),
  moveWaiting: z.boolean().default(true).describe('Also move the lots already waiting at "from"'),
}).strict();

export const RushOrderDecision = z.object({
  ...DecisionBase,
  kind: z.literal('rush-order'),
  event: Id.describe('The rush-order event to accept or refuse; the decision comes at its time'),
  default: z.enum(['accept', 'refuse']).default('accept').describe('What happens when the decision is not the one being judged (runs that judge earlier decisions)'),
}).strict();

export const SequenceDecision = z.object({
  ...DecisionBase, at: At, until: Until,
  kind: z.literal('sequence'),
  equipment: z.array(Id).min(1).describe('Machines that run the campaign'),
  attribute: z.string().min(1).describe('Changeover attribute whose values are sequenced, e.g. "colour"; a setup matrix on the machines must use it'),
  candidates: z.array(z.object({
    id: Id,
    label: Text.optional(),
    sequence: z.array(z.string().min(1)).min(2),
  }).strict()).min(1).describe('Sequences offered; the trainee may also give one of their own'),
}).strict();

export const BottleneckDecision = z.object({
  ...DecisionBase, at: At,
  kind: z.literal('identify-bottleneck'),
}).strict();

export const ESTIMATE_KPIS = ['oee', 'availability', 'utilisation', 'late-orders', 'wip-lots', 'setup-minutes', 'stopped-minutes', 'longest-stop-minutes'] as const;

export const EstimateDecision = z.object({
  ...DecisionBase, at: At,
  kind: z.literal('estimate'),
  kpi: z.enum(ESTIMATE_KPIS).describe('What the trainee estimates, from the start to the decision time; oee, availability and utilisation in percent, the rest in orders, lots or minutes'),
  equipment: Id.optional().describe('For machine KPIs'),
  tolerance: z.number().finite().positive().describe('An answer this far off (in the KPI\'s unit) scores nothing; the points fall linearly from the exact value'),
}).strict();

export const MarkStopDecision = z.object({
  ...DecisionBase, at: At,
  kind: z.literal('mark-stop'),
  equipment: Id.optional().describe('Recorded equipment; the only one when absent'),
}).strict();

export const Decision = z.discriminatedUnion('kind', [
  NextJobDecision, RuleDecision, RerouteDecision, RushOrderDecision, SequenceDecision, BottleneckDecision, EstimateDecision, MarkStopDecision,
]);

export const ALARM_PRIORITIES = ['critical', 'high', 'medium', 'low'] as const;

export const AlarmRule = z.object({
  id: Id,
  kind: z.enum(['machine-down', 'stale-data', 'order-at-risk']),
  priority: z.enum(ALARM_PRIORITIES),
  equipment: z.array(Id).min(1).optional().describe('machine-down and stale-data: the machines watched; all when absent'),
  margin: z.number().finite().nonnegative().default(0).describe('order-at-risk: minutes of slack below which an open order is at risk'),
  respondWithin: PositiveMinutes.optional().describe('Plant minutes to acknowledge; the points fall linearly to 0 at twice this'),
  points: z.number().finite().nonnegative().default(0).describe('Points per alarm of this rule for a timely acknowledgement (0: not scored)'),
}).strict();

export const SCORE_KPIS = ['late-orders', 'weighted-tardiness-hours', 'setup-hours', 'wip-lots', 'good-units', 'lead-time-hours', 'refused-orders'] as const;

export const Scoring = z.object({
  kpis: z.array(z.object({
    kpi: z.enum(SCORE_KPIS).describe('good-units counts in favour, every other KPI against'),
    weight: z.number().finite().positive(),
  }).strict()).min(1).describe('A plant decision is judged by the weighted sum of these at the end of the lesson'),
  replications: z.number().int().min(1).max(20).default(3).describe('Runs (common random numbers) each alternative is judged on'),
  schedulerIterations: z.number().int().min(0).max(100_000).default(300).describe('Search budget of the scheduler proposal at each plant decision (fixed so the score repeats)'),
  passMark: z.number().finite().min(0).max(100).default(60).describe('Percent of the points needed to pass'),
}).strict();

export const ScenarioSource = z.object({
  kind: z.literal('scenario'),
  scenario: z.string().min(1).describe('Path of the scenario, relative to this file'),
}).strict();

export const RecordingSource = z.object({
  kind: z.literal('recording'),
  recording: z.string().min(1).describe('Path of the machine-state recording (CSV, JSON lines or MTConnect SHDR), relative to this file; read at run time'),
  devices: z.string().min(1).optional().describe('SHDR: path of the MTConnect Devices.xml'),
  device: z.string().min(1).optional().describe('SHDR: which device of Devices.xml; the first when absent'),
  equipment: Id.optional().describe('SHDR: the twin\'s equipment id for the device (its device name when absent)'),
  layout: z.string().min(1).optional().describe('Path of a layout to show the recording on, relative to this file; the recorded equipment ids must be in it'),
}).strict();

export const Lesson = z.object({
  format: z.literal('plant-twin/lesson'),
  version: z.literal(1),
  id: Id,
  title: Text,
  description: Text.optional(),
  source: z.discriminatedUnion('kind', [ScenarioSource, RecordingSource]),
  seed: z.number().int().nonnegative().describe('Seed of the lesson\'s runs (replaces the scenario\'s)'),
  end: IsoDateTime.optional().describe('End of the lesson; the scenario horizon (or the recording\'s end) when absent'),
  goals: z.array(Text).min(1).describe('What the trainee should be able to do afterwards'),
  steps: z.array(Step).default([]),
  events: z.array(LessonEvent).default([]),
  decisions: z.array(Decision).min(1),
  alarms: z.array(AlarmRule).default([]),
  scoring: Scoring,
}).strict().meta({ title: 'Plant Twin lesson', description: 'A guided training lesson on a scenario or a recording: steps, injected events, decisions scored against the tool\'s own answer, alarms.' });

export type Lesson = z.infer<typeof Lesson>;
export type LessonInput = z.input<typeof Lesson>;
export type LessonEvent = z.infer<typeof LessonEvent>;
export type Decision = z.infer<typeof Decision>;
export type AlarmRule = z.infer<typeof AlarmRule>;
export type Step = z.infer<typeof Step>;
export type Highlight = z.infer<typeof Highlight>;
export type ScoreKpi = (typeof SCORE_KPIS)[number];
export type DecisionKind = Decision['kind'];

/** Decisions that change the plant and are judged by simulating each alternative forward. */
export const PLANT_DECISIONS: readonly DecisionKind[] = ['next-job', 'dispatching-rule', 'reroute', 'rush-order', 'sequence'];
/** Decisions that need a recording source; every other kind needs a scenario. */
export const RECORDING_DECISIONS: readonly DecisionKind[] = ['mark-stop', 'estimate'];
