import { describe, expect, it } from 'vitest';
import { createPlayback } from '../../src/playback/clock.ts';
import { memoryHistory } from '../../src/state/lessonHistory.ts';
import { createTwinStore } from '../../src/state/store.ts';
import { createTraining, speedFor, type TrainingBackend } from '../../src/state/training.ts';
import { scoreAnswers } from '../../src/training/scoreAnswers.ts';
import { loadLessonFile, playLesson } from '../../src/training/lessonSource.ts';
import { createTrainingApi } from '../../src/workers/trainingApi.ts';
import { smallLayout } from '../fixtures/smallPlant.ts';
import { lessonFixture, memoryFiles, trainingScenario } from '../training/lessonFixture.ts';

const texts: Record<string, string> = {
  'lessons/small-scenario.json': JSON.stringify({ ...trainingScenario(), layout: 'small-layout.json' }),
  'lessons/small-layout.json': JSON.stringify(smallLayout),
};

/** The training worker's API called in this thread, each answer a promise as over comlink. */
function inThread(): TrainingBackend {
  const api = createTrainingApi();
  return Object.fromEntries(Object.entries(api).map(([k, f]) => [k, async (...args: unknown[]) => (f as (...a: unknown[]) => unknown)(...args)])) as TrainingBackend;
}

function session(now = () => 0) {
  const twin = createTwinStore(new Map(Object.entries(texts)));
  const clock = createPlayback();
  const history = memoryHistory(() => '2026-12-03T10:00:00Z');
  const backend = inThread();
  const training = createTraining({ backend: () => backend, twin, clock, texts: () => texts, history, now });
  return { twin, clock, training, history };
}

const settle = async (until: () => boolean): Promise<void> => {
  for (let i = 0; i < 200 && !until(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(until()).toBe(true);
};

describe('the lesson session in the page', () => {
  it('plays from pause to pause on the timeline, records answers, hints, times and alarm actions, and scores as the CLI does', async () => {
    let ms = 0;
    const { twin, clock, training, history } = session(() => ms);
    const t = training.getState;
    t().setTrainee('Sam');
    await t().open('lessons/small-lesson.json', JSON.stringify(lessonFixture()));
    expect(t().problems).toEqual([]);
    expect(twin.getState().plant?.scenarioFile).toBe('lessons/small-scenario.json');
    // The first stretch plays towards the first pause, on a trace of the run up to it.
    expect(t().status).toBe('playing');
    expect(t().view?.kind).toBe('step');
    expect(t().reached).toBe(false);
    expect(clock.store.getState().playing).toBe(true);
    expect(clock.store.getState().source?.horizon).toBe(t().view!.at);
    // Up to twenty seconds of playing reach the pause, whatever the stretch's length (speeds go in steps of up to 2.5×).
    let seconds = 0;
    for (; !t().reached && seconds < 60; seconds += 0.1) clock.tick(0.1);
    expect(seconds).toBeGreaterThan(8);
    expect(seconds).toBeLessThan(21);
    expect(clock.store.getState().playing).toBe(false);
    expect(clock.playhead.minutes).toBe(t().view!.at);
    await t().proceed();
    // A decision: answered only once reached; the seconds count from then; hints are counted.
    await settle(() => t().view?.kind === 'decision');
    t().skipToPause();
    ms = 12_500;
    t().revealHint();
    const d = t().view!.decision!;
    await t().answer(d.options[0]!.id);
    expect(t().status).toBe('feedback');
    expect(t().answers[0]).toEqual({ decision: 'next', choice: d.options[0]!.id, hints: 0, seconds: 12.5 });
    for (let guard = 0; t().status !== 'report' && guard < 20; guard++) {
      await t().proceed();
      await settle(() => t().status === 'playing' || t().status === 'report');
      if (t().status === 'report') break;
      t().skipToPause();
      const v = t().view!;
      if (v.alarms.length > 0 && t().actions.length === 0) t().act(v.alarms[0]!.id, 'acknowledge');
      if (v.kind === 'decision') {
        const dv = v.decision!;
        await t().answer(dv.kind === 'estimate' ? 50 : dv.kind === 'sequence' ? ['black', 'white'] : dv.options[0]?.id ?? 'none');
      }
    }
    expect(t().status).toBe('report');
    const report = t().report!;
    const answers = t().answersFile()!;
    expect(answers.alarms.length).toBe(1);
    const loaded = await loadLessonFile(JSON.stringify(lessonFixture()), 'lesson.json', memoryFiles());
    if (!loaded.ok) throw new Error('fixture');
    const cli = scoreAnswers(loaded.value.lesson, playLesson(loaded.value.lesson, loaded.value.source), answers, 'answers.json');
    expect(cli.ok && cli.report.totals).toEqual(report.totals);
    expect((await history.list('Sam')).map((a) => [a.lesson, a.percent])).toEqual([['small-lesson', report.totals.percent]]);
  });

  it('shows why a lesson does not open, and plays each stretch in about the same time', async () => {
    const { training } = session();
    const lesson = lessonFixture() as Record<string, unknown>;
    lesson.seed = 'seven';
    await training.getState().open('lessons/bad.json', JSON.stringify(lesson));
    expect(training.getState().status).toBe('failed');
    expect(training.getState().problems.map((p) => p.path)).toEqual(['seed']);
    expect([speedFor(60), speedFor(2880), speedFor(100_000)]).toEqual([200, 10000, 10000]);
  });
});
