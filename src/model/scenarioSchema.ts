import { z } from 'zod';
import { ClockTime, Distribution, Fraction, Id, IsoDate, IsoDateTime, Minutes, PositiveMinutes } from './common.ts';
import { MachineState } from './machineState.ts';

export const Product = z.object({
  id: Id,
  name: z.string().min(1),
  family: Id.describe('Product family; the default key of setup matrices and batching'),
  attributes: z.record(z.string(), z.string()).default({})
    .describe('Further setup-relevant attributes, e.g. {"colour": "white", "fixture": "F12"}'),
  routing: Id.describe('Id of the routing that makes this product'),
}).strict();

export const EligibleEquipment = z.object({
  equipment: Id,
  time: Distribution.describe('Processing time per unit in minutes; per batch on batch equipment'),
}).strict();

export const Operation = z.object({
  id: Id,
  name: z.string().optional(),
  capability: z.string().min(1).optional().describe('Operation class; eligible equipment must offer it'),
  equipment: z.array(EligibleEquipment).min(1).describe('Eligible equipment, each with its own processing time'),
  setupSkill: Id.optional().describe('Operator skill a changeover on this operation needs'),
  runSkill: Id.optional().describe('Operator skill the operation needs while it runs'),
  uninterruptible: z.boolean().default(false)
    .describe('Once started, the run may not be interrupted by a shift end, a break or planned maintenance (sterilisation, heat treatment, curing): it starts only where it fits in one working window'),
  yield: Fraction.default(1).describe('Share of units that come out good'),
  rework: z.object({ fraction: Fraction, operation: Id }).strict().optional()
    .describe('Share of the non-good units sent back to an earlier operation of the same routing (the rest are scrap)'),
}).strict();

export const Routing = z.object({ id: Id, operations: z.array(Operation).min(1).describe('Operations in order') }).strict();

export const SetupMatrix = z.object({
  id: Id,
  equipment: z.array(Id).min(1).describe('Equipment this changeover matrix applies to'),
  attribute: z.string().min(1).default('family').describe('"family" or the name of a product attribute'),
  keys: z.array(z.string().min(1)).min(1).describe('Values of the attribute, in the order of the matrix rows and columns'),
  times: z.array(z.array(Minutes)).describe('times[i][j]: minutes to change over from keys[i] to keys[j]'),
  initial: Minutes.default(0).describe('Minutes of the first setup when the equipment starts empty'),
}).strict();

export const BatchEquipment = z.object({
  equipment: Id,
  capacity: z.number().int().positive().describe('Units per batch'),
  by: z.string().min(1).default('family').describe('Only units with the same value of this attribute share a batch'),
  maxWait: Minutes.optional().describe('Start a partial batch after this many minutes of waiting'),
}).strict();

export const ReleaseDelay = z.object({
  products: z.array(Id).min(1).optional().describe('Products whose orders this applies to; absent = every product'),
  probability: Fraction.default(1).describe('Share of those orders whose material comes late'),
  delay: Distribution.describe('Minutes by which a late order is released after its release date-time'),
}).strict().describe('Material that comes late: a random delay of order releases (a disturbance the simulator can switch off)');

export const Order = z.object({
  id: Id,
  product: Id,
  quantity: z.number().int().positive(),
  release: IsoDateTime,
  due: IsoDateTime,
  priority: z.number().int().min(1).max(10).default(5).describe('1 (low) to 10 (high); the scheduling weight'),
}).strict();

const Weekday = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);

export const Shift = z.object({
  name: z.string().min(1),
  days: z.array(Weekday).min(1).describe('Days on which the shift starts'),
  start: ClockTime,
  end: ClockTime.describe('End time; earlier than start means the next day'),
  breaks: z.array(z.object({ start: ClockTime, end: ClockTime }).strict()).default([]),
}).strict();

export const Calendar = z.object({
  id: Id,
  shifts: z.array(Shift).min(1),
  holidays: z.array(IsoDate).default([]).describe('Dates on which no shift starts'),
}).strict();

export const FailureModel = z.object({
  equipment: z.array(Id).min(1),
  timeBetweenFailures: Distribution,
  timeToRepair: Distribution,
  basis: z.enum(['operating', 'calendar']).default('operating')
    .describe('Whether time between failures counts only working time or all time'),
  reason: z.string().optional(),
}).strict();

export const Maintenance = z.object({
  equipment: Id,
  start: IsoDateTime,
  duration: PositiveMinutes,
  repeatEvery: PositiveMinutes.optional(),
  description: z.string().optional(),
}).strict();

export const OperatorPool = z.object({
  id: Id,
  count: z.number().int().positive(),
  skills: z.array(Id).min(1),
  calendar: Id.optional(),
}).strict();

export const TransportFleet = z.object({
  id: Id,
  kind: z.enum(['agv', 'forklift', 'manual', 'tugger']),
  count: z.number().int().positive(),
  speed: z.number().finite().positive().describe('Metres per second'),
  handlingTime: Minutes.default(0).describe('Minutes to load plus unload per trip'),
  capacity: z.number().int().positive().default(1).describe('Orders (lots) per trip'),
}).strict();

const Kilowatts = z.number().finite().nonnegative();
export const EnergyProfile = z.object({
  equipment: z.array(Id).min(1),
  kW: z.object({
    processing: Kilowatts, setup: Kilowatts, idle: Kilowatts, down: Kilowatts, off: Kilowatts,
  }).strict(),
}).strict();

export const Snapshot = z.object({
  kind: z.literal('snapshot'),
  time: IsoDateTime,
  equipment: z.array(z.object({
    id: Id,
    state: MachineState,
    order: Id.optional(),
    operation: Id.optional(),
    remaining: Minutes.optional().describe('Minutes left on the running operation or repair'),
    setupKey: z.string().optional().describe('What the equipment is set up for now'),
  }).strict()),
  wip: z.array(z.object({
    order: Id,
    operation: Id.describe('Next operation to run'),
    quantity: z.number().int().positive(),
    at: Id.describe('Equipment in whose input buffer the lot waits'),
  }).strict()).default([]),
}).strict();

export const Experiment = z.object({
  horizon: PositiveMinutes.describe('Simulated minutes from the scenario start'),
  warmup: Minutes.default(0),
  replications: z.number().int().positive().default(10),
  seed: z.number().int().nonnegative().default(1),
  dispatching: z.enum(['FIFO', 'EDD', 'SPT', 'ATCS', 'schedule']).default('FIFO'),
}).strict();

export const Scenario = z.object({
  format: z.literal('plant-twin/scenario'),
  version: z.literal(1),
  id: Id,
  name: z.string().min(1),
  description: z.string().optional(),
  layout: z.string().min(1).describe('Path of the layout file, relative to this file'),
  start: IsoDateTime.describe('Time zero of the scenario; all minutes count from here'),
  products: z.array(Product).min(1),
  routings: z.array(Routing).min(1),
  setupMatrices: z.array(SetupMatrix).default([]),
  batchEquipment: z.array(BatchEquipment).default([]),
  orders: z.array(Order).default([]),
  releaseDelays: z.array(ReleaseDelay).default([])
    .describe('Late material: an order matching several entries takes the first; none = orders are released on time'),
  calendars: z.array(Calendar).min(1),
  equipmentCalendars: z.object({
    default: Id,
    overrides: z.record(z.string(), Id).default({}).describe('Equipment id → calendar id'),
  }).strict(),
  failures: z.array(FailureModel).default([]),
  maintenance: z.array(Maintenance).default([]),
  operators: z.array(OperatorPool).default([]),
  transport: z.object({ fleets: z.array(TransportFleet).min(1), default: Id }).strict().optional()
    .describe('Absent: moves between equipment take no time'),
  energy: z.array(EnergyProfile).default([]),
  startState: z.union([z.object({ kind: z.literal('empty') }).strict(), Snapshot]).default({ kind: 'empty' }),
  experiment: Experiment,
}).strict().meta({ title: 'Plant Twin scenario', description: 'What to make on a layout, with what, when: products, routings, setups, orders, calendars, failures, operators, transport, energy, start state, experiment.' });
export type Scenario = z.infer<typeof Scenario>;
export type ScenarioInput = z.input<typeof Scenario>;
