import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/model/problem.ts';
import { smallLayout } from '../fixtures/smallPlant.ts';
import { lessonFixture, RECORDING_CSV, recordingLessonFixture, trainingScenario } from '../training/lessonFixture.ts';
import { createTrainingApi, type LessonFileSet } from '../../src/workers/trainingApi.ts';

// In the page, bundled files are keyed by repository path; the lesson sits in lessons/.
const texts: Record<string, string> = {
  'lessons/small-scenario.json': JSON.stringify({ ...trainingScenario(), layout: 'small-layout.json' }),
  'lessons/small-layout.json': JSON.stringify(smallLayout),
};

describe('the training worker API', () => {
  it('opens a lesson against bundled files and plays it as the CLI does', async () => {
    const api = createTrainingApi();
    const opened = await api.open(JSON.stringify(lessonFixture()), 'lessons/small-lesson.json', { texts });
    if (!opened.ok) throw new Error(opened.problems.map(formatProblem).join('\n'));
    expect(opened.opened).toMatchObject({ startIso: '2026-11-30T00:00:00Z', source: { kind: 'scenario', scenarioFile: 'lessons/small-scenario.json', layoutFile: 'lessons/small-layout.json' } });
    const view = api.view(true);
    expect(view.kind).toBe('step');
    expect(view.trace?.equipment).toEqual(['saw', 'mill-1', 'mill-2', 'oven']);
  });

  it('finds a recording among the files the user opened, by name, and says which file is missing otherwise', async () => {
    const api = createTrainingApi();
    const lesson = JSON.stringify(recordingLessonFixture());
    const missing = await api.open(lesson, 'lessons/saw-lesson.json', { texts });
    expect(missing.ok ? [] : missing.problems.map(formatProblem)).toEqual([
      'lessons/saw-lesson.json: source.recording: expected the path of a recording, relative to this lesson, found "saw.csv", but there is no file lessons/saw.csv',
    ]);
    const files: LessonFileSet = { texts, opened: [new File([RECORDING_CSV], 'saw.csv')] };
    const opened = await api.open(lesson, 'lessons/saw-lesson.json', files);
    expect(opened.ok && opened.opened.source).toEqual({ kind: 'recording', recordingFile: 'lessons/saw.csv', layoutFile: 'lessons/small-layout.json' });
    expect(opened.ok && opened.opened.startIso).toBe('2026-11-30T06:00:00.000Z');
  });

  it('checks an authored lesson with the loader\'s messages', async () => {
    const api = createTrainingApi();
    const lesson = lessonFixture() as Record<string, unknown>;
    lesson.seed = -1;
    expect((await api.check(JSON.stringify(lesson), 'lessons/x.json', { texts })).map(formatProblem)).toEqual([
      'lessons/x.json: seed: expected a whole number ≥ 0, found -1',
    ]);
  });
});
