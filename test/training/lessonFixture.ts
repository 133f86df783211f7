import { smallLayout, smallScenario } from '../fixtures/smallPlant.ts';
import type { LessonInput } from '../../src/training/lessonSchema.ts';
import type { LessonFiles } from '../../src/training/lessonSource.ts';
import type { ScenarioInput } from '../../src/model/scenarioSchema.ts';
import { readRecording } from '../../src/live/recordingStream.ts';

/** The small two-day plant with colours on the mills (a setup matrix) and a mill crew, so every lesson kind has something to act on. */
export function trainingScenario(): ScenarioInput {
  const s = structuredClone(smallScenario);
  s.products = [
    { id: 'p1', name: 'Bracket', family: 'A', routing: 'r1', attributes: { colour: 'white' } },
    { id: 'p2', name: 'Hinge', family: 'B', routing: 'r1', attributes: { colour: 'black' } },
  ];
  s.routings[0]!.operations[1]!.runSkill = 'mill';
  s.setupMatrices = [{ id: 'mill-colour', equipment: ['mill-1', 'mill-2'], attribute: 'colour', keys: ['white', 'black'], times: [[0, 10], [30, 0]] }];
  s.operators = [{ id: 'crew', count: 2, skills: ['mill'] }];
  return s;
}

/** A valid lesson on it using every scenario event and decision kind. Each call returns a fresh copy to break. */
export function lessonFixture(): LessonInput {
  return {
    format: 'plant-twin/lesson', version: 1, id: 'small-lesson', title: 'Small lesson',
    source: { kind: 'scenario', scenario: 'small-scenario.json' },
    seed: 3,
    goals: ['Try every kind of decision'],
    steps: [{ id: 'hello', at: '2026-11-30T06:30:00Z', text: 'Welcome.', highlight: [{ kind: 'machine', id: 'mill-1' }, { kind: 'kpi', id: 'wip' }] }],
    events: [
      { id: 'jam', kind: 'breakdown', at: '2026-11-30T09:00:00Z', equipment: 'mill-1', duration: 60 },
      { id: 'rush', kind: 'rush-order', at: '2026-11-30T10:00:00Z', order: { id: 'r1', product: 'p2', quantity: 20, due: '2026-12-01T10:00:00Z' } },
      { id: 'no-paint', kind: 'material-shortage', at: '2026-11-30T07:00:00Z', material: 'black stock', products: ['p2'], operation: 'mill', duration: 60 },
      { id: 'sick', kind: 'operator-absent', at: '2026-11-30T06:00:00Z', pool: 'crew', count: 1, duration: 120 },
      { id: 'quiet', kind: 'stale-data', at: '2026-11-30T08:00:00Z', equipment: 'saw', duration: 30 },
    ],
    decisions: [
      { id: 'next', kind: 'next-job', at: '2026-11-30T08:30:00Z', prompt: 'Next on the saw?', equipment: 'saw' },
      { id: 'reroute', kind: 'reroute', at: '2026-11-30T09:05:00Z', until: '2026-11-30T10:00:00Z', prompt: 'Move mill-1 work?', from: 'mill-1', to: ['mill-2'] },
      { id: 'take', kind: 'rush-order', event: 'rush', prompt: 'Take it?', hints: [{ text: 'Look at the due dates.', cost: 10 }] },
      { id: 'rule', kind: 'dispatching-rule', at: '2026-11-30T10:05:00Z', prompt: 'Which rule?', options: ['FIFO', 'EDD'], timeLimit: { seconds: 30 } },
      { id: 'campaign', kind: 'sequence', at: '2026-11-30T11:00:00Z', prompt: 'Colours?', equipment: ['mill-1', 'mill-2'], attribute: 'colour', candidates: [{ id: 'wb', sequence: ['white', 'black'] }] },
      { id: 'bn', kind: 'identify-bottleneck', at: '2026-11-30T12:00:00Z', prompt: 'Bottleneck?' },
      { id: 'oee', kind: 'estimate', at: '2026-11-30T12:00:00Z', prompt: 'OEE of mill-2?', kpi: 'oee', equipment: 'mill-2', tolerance: 20 },
    ],
    alarms: [
      { id: 'down', kind: 'machine-down', priority: 'high', respondWithin: 10, points: 5 },
      { id: 'stale', kind: 'stale-data', priority: 'medium' },
      { id: 'risk', kind: 'order-at-risk', priority: 'low', margin: 30 },
    ],
    scoring: { kpis: [{ kpi: 'late-orders', weight: 10 }, { kpi: 'setup-hours', weight: 1 }, { kpi: 'refused-orders', weight: 5 }], replications: 2, schedulerIterations: 20 },
  };
}

/** A short recording of the saw (CSV): working, a stop of 20 minutes with no data in it, working again. */
export const RECORDING_CSV = [
  'time,equipment,field,value',
  '2026-11-30T06:00:00Z,saw,state,processing',
  '2026-11-30T06:30:00Z,saw,state,idle',
  '2026-11-30T06:35:00Z,saw,state,unknown',
  '2026-11-30T06:50:00Z,saw,state,processing',
  '2026-11-30T07:30:00Z,saw,state,idle',
  '2026-11-30T07:40:00Z,saw,state,processing',
  '2026-11-30T08:00:00Z,saw,state,idle',
].join('\n');

export function recordingLessonFixture(): LessonInput {
  return {
    format: 'plant-twin/lesson', version: 1, id: 'small-recording', title: 'Small recording',
    source: { kind: 'recording', recording: 'saw.csv', layout: 'small-layout.json' },
    seed: 1, end: '2026-11-30T08:00:00Z',
    goals: ['Find the stop'],
    decisions: [
      { id: 'stop', kind: 'mark-stop', at: '2026-11-30T07:55:00Z', prompt: 'Mark the longest stop' },
      { id: 'lost', kind: 'estimate', at: '2026-11-30T08:00:00Z', prompt: 'Minutes not processing?', kpi: 'stopped-minutes', tolerance: 10 },
    ],
    alarms: [{ id: 'nodata', kind: 'stale-data', priority: 'medium', respondWithin: 5, points: 10 }],
    scoring: { kpis: [{ kpi: 'late-orders', weight: 1 }], replications: 1, schedulerIterations: 0 },
  };
}

/** The fixture files in memory: the small layout and training scenario, and the saw's recording. */
export function memoryFiles(extra: Record<string, string> = {}): LessonFiles {
  const files: Record<string, string> = {
    'small-layout.json': JSON.stringify(smallLayout),
    'small-scenario.json': JSON.stringify(trainingScenario()),
    'saw.csv': RECORDING_CSV,
    ...extra,
  };
  return {
    text: async (ref) => (files[ref] === undefined ? undefined : { text: files[ref]!, file: ref }),
    recording: async (ref, _from, options) => {
      const text = files[ref];
      if (text === undefined) return undefined;
      return readRecording(new Blob([text]).stream(), { ...options, name: ref });
    },
  };
}
