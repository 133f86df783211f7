import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { runCli } from '../cli/runCli.ts';
import { goToWorkspace, launchChromium, openWatchedPage, type WatchedPage } from './browser.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SHARED = path.join(ROOT, '../shared/datasets/mtconnect');
const screenshot = path.join(ROOT, 'docs/screenshots/training.png');

let browser: Browser;
let watched: WatchedPage;
let work: string;

beforeAll(async () => {
  browser = await launchChromium();
  work = mkdtempSync(path.join(tmpdir(), 'plant-twin-training-'));
});
afterAll(async () => {
  await browser.close();
  rmSync(work, { recursive: true, force: true });
});
afterEach(async () => {
  await watched.page.close();
  expect(watched.errors).toEqual([]);
});

/** What a script does at a decision: it gets the decision element and answers through the form. */
type Script = (decision: string, form: Locator, page: Page) => Promise<void>;
/** What it does at every pause before moving on (e.g. acknowledge alarms). */
type AtPause = (page: Page, pause: number) => Promise<void>;

const LONG = 300_000;

/** Plays the lesson that is open to its report, as a trainee clicking through; returns the score the page shows. */
async function playToReport(page: Page, decide: Script, atPause: AtPause = async () => {}): Promise<number> {
  const player = page.getByTestId('lesson-player');
  const report = page.getByTestId('lesson-report');
  for (;;) {
    await player.or(report).first().waitFor({ timeout: LONG });
    if (await report.isVisible()) break;
    const pause = Number(await player.getAttribute('data-pause'));
    const kind = await player.getAttribute('data-kind');
    // Skip to the pause (the playhead may get there by itself while the button is clicked).
    const reached = page.locator('[data-testid="lesson-player"][data-reached="yes"]').or(report).first();
    while (!(await reached.isVisible())) {
      await page.getByTestId('skip-to-pause').click({ timeout: 2_000 }).catch(() => undefined);
      await reached.waitFor({ timeout: 2_000 }).catch(() => undefined);
    }
    if (await report.isVisible()) break;
    await atPause(page, pause);
    if (kind === 'step') {
      await page.getByTestId('continue').click();
    } else if (kind === 'decision') {
      const form = page.getByTestId('decision');
      await decide((await form.getAttribute('data-decision'))!, form, page);
      await page.getByTestId('feedback').waitFor({ timeout: LONG });
      await page.getByTestId('continue').click();
    }
    await page.locator(`[data-testid="lesson-player"]:not([data-pause="${pause}"])`).or(report).first().waitFor({ timeout: LONG });
  }
  return Number(await page.getByTestId('lesson-score').getAttribute('data-earned'));
}

/** Saves what a button downloads. */
async function downloaded(page: Page, button: Locator, file: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  await download.saveAs(file);
  return readFileSync(file, 'utf8');
}

async function cliScore(lesson: string, answers: string): Promise<{ earned: number; percent: number }> {
  const run = await runCli(['lesson', 'score', lesson, '--answers', answers, '--json'], ROOT);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return (JSON.parse(run.stdout) as { report: { totals: { earned: number; percent: number } } }).report.totals;
}

/** Acknowledges the alarms matching `selector`, one by one (each click changes the list). */
async function acknowledge(page: Page, selector: string): Promise<void> {
  const acks = page.locator(`[data-testid="alarms"] ${selector} [data-testid="ack"]`);
  for (let n = await acks.count(); n > 0; n = await acks.count()) {
    await acks.first().click();
    await expect.poll(() => acks.count()).toBe(n - 1);
  }
}

const ackCritical: AtPause = (page) => acknowledge(page, '.alarm-critical.alarm-unacknowledged');

/** The breakdown lesson's scripted trainee: keeps the work at booth 1, opens a hint, takes booth 2's second option. */
const breakdownScript: Script = async (decision, form) => {
  if (decision === 'reroute') {
    await form.getByTestId('option-keep').check();
  } else {
    await form.getByTestId('reveal-hint').click();
    await form.locator('input[type="radio"]').nth(1).check();
  }
  await form.getByTestId('decide').click();
};

async function startLesson(page: Page, file: string): Promise<void> {
  await goToWorkspace(page, 'train');
  await page.getByTestId('trainee-name').fill('E2E Trainee');
  await page.locator(`[data-lesson="${file}"] button`).click();
}

describe('training mode', () => {
  it('completes a lesson with scripted decisions: the score is the CLI\'s for the exported answers, a second run scores the same, the best alternatives score higher', async () => {
    watched = await openWatchedPage(browser, inject('appUrl'));
    const page = watched.page;
    const lesson = 'scenarios/training/bottleneck-breakdown.json';
    await startLesson(page, lesson);
    let shot = false;
    // The option the feedback marks best at each decision (every alternative simulated on the same random numbers).
    const best = new Map<string, string>();
    const earnedAt = new Map<string, number>();
    const feedback = async (p: Page, decision: string): Promise<void> => {
      await p.getByTestId('feedback').waitFor({ timeout: LONG });
      best.set(decision, (await p.locator('[data-testid="outcomes"] tr.best').getAttribute('data-option'))!);
      earnedAt.set(decision, Number(await p.getByTestId('feedback').getAttribute('data-earned')));
    };
    const first = await playToReport(page, async (decision, form, p) => {
      await breakdownScript(decision, form, p);
      await feedback(p, decision);
      if (!shot) {
        mkdirSync(path.dirname(screenshot), { recursive: true });
        await p.screenshot({ path: screenshot });
        shot = true;
      }
    }, ackCritical);
    expect(first).toBeGreaterThan(0);
    const answersFile = path.join(work, 'breakdown-answers.json');
    const answers = JSON.parse(await downloaded(page, page.getByTestId('export-answers'), answersFile)) as { answers: { decision: string; hints: number }[]; alarms: unknown[] };
    expect(answers.answers.map((a) => [a.decision, a.hints])).toEqual([['reroute', 0], ['next-on-booth-2', 1]]);
    expect(answers.alarms.length).toBeGreaterThan(0);
    expect((await cliScore(lesson, answersFile)).earned).toBe(first);

    // The history keeps the attempt; the debrief opens with its charts.
    await expect.poll(() => page.locator('[data-testid="lesson-history"] tr[data-lesson="bottleneck-breakdown"]').count()).toBe(1);
    await page.getByTestId('open-debrief').click();
    await expect.poll(() => page.locator('[data-testid="debrief-charts"] figure').count()).toBe(4);
    await page.keyboard.press('Escape');
    const csv = await downloaded(page, page.getByTestId('export-history'), path.join(work, 'history.csv'));
    expect(csv.split('\r\n')[1]).toMatch(/^E2E Trainee,bottleneck-breakdown,/);

    await page.getByTestId('back-to-lessons').click();
    await page.locator(`[data-lesson="${lesson}"] button`).click();
    const second = await playToReport(page, breakdownScript, ackCritical);
    expect(second).toBe(first);

    // The best alternatives score higher: at each decision the option the first run's feedback marked best, no
    // hint opened (keeping the work at booth 1 is best, so booth 2 has the same queue as in the first run).
    const firstEarned = new Map(earnedAt);
    await page.getByTestId('back-to-lessons').click();
    await page.locator(`[data-lesson="${lesson}"] button`).click();
    const bestScore = await playToReport(page, async (decision, form, p) => {
      await form.getByTestId(`option-${best.get(decision)!}`).check();
      await form.getByTestId('decide').click();
      await feedback(p, decision);
    }, ackCritical);
    for (const [decision, earned] of firstEarned) expect(earnedAt.get(decision), decision).toBeGreaterThanOrEqual(earned);
    expect(earnedAt.get('next-on-booth-2')).toBeGreaterThan(firstEarned.get('next-on-booth-2')!);
    expect(bestScore).toBeGreaterThan(first);
    const bestFile = path.join(work, 'breakdown-best-answers.json');
    await downloaded(page, page.getByTestId('export-answers'), bestFile);
    expect((await cliScore(lesson, bestFile)).earned).toBe(bestScore);
  }, 1_800_000);

  it('plays the MTConnect lesson from the recording in ../shared, judged as the CLI judges it', async () => {
    watched = await openWatchedPage(browser, inject('appUrl'));
    const page = watched.page;
    const lesson = 'scenarios/training/mtconnect-downtime.json';
    await goToWorkspace(page, 'train');
    await page.getByTestId('trainee-name').fill('E2E Trainee');
    await page.getByTestId(`lesson-files-${lesson}`).setInputFiles([path.join(SHARED, 'okuma.txt'), path.join(SHARED, 'Devices.xml')]);
    const earned = await playToReport(page, async (decision, form) => {
      if (decision === 'longest-stop') {
        await form.getByTestId('stop-from').fill('2022-08-08T13:58:00Z');
        await form.getByTestId('stop-to').fill('2022-08-08T14:21:00Z');
      } else {
        await form.getByTestId('estimate').fill('30');
      }
      await form.getByTestId('decide').click();
    }, (page) => acknowledge(page, '.alarm-unacknowledged'));
    const answersFile = path.join(work, 'mtconnect-answers.json');
    await downloaded(page, page.getByTestId('export-answers'), answersFile);
    expect((await cliScore(lesson, answersFile)).earned).toBe(earned);
    expect(earned).toBeGreaterThan(150);
  }, 600_000);

  it('an instructor authors a lesson in the app, exports it, the CLI validates it, and it plays', async () => {
    watched = await openWatchedPage(browser, inject('appUrl'));
    const page = watched.page;
    await goToWorkspace(page, 'train');
    await page.getByTestId('author-lesson').click();
    const author = page.getByTestId('lesson-author');
    await author.getByTestId('author-scenario').selectOption('scenarios/kitchen-hardware-week.json');
    await author.getByTestId('author-id').fill('authored-breakdown');
    await author.getByTestId('author-title').fill('Laser 1 breaks down');
    await author.getByTestId('author-seed').fill('5');
    // A breakdown placed on the timeline, then a reroute decision a little later, with a hint.
    await author.getByTestId('add-events-breakdown').click();
    await author.getByTestId('events-0-equipment').selectOption('LASER-01');
    await author.getByTestId('events-0-duration').fill('240');
    await author.getByTestId('events-0-place').click();
    const strip = author.getByTestId('author-timeline');
    const box = (await strip.boundingBox())!;
    await strip.click({ position: { x: 12 + (box.width - 24) * ((1440 + 600) / 11520), y: 30 } });
    await expect.poll(() => author.getByTestId('events-0-at').inputValue()).toMatch(/^2026-12-01T(10:0|09:5)\d:00Z$/);
    await author.getByTestId('events-0-at').fill('2026-12-01T10:00:00Z');
    await author.getByTestId('add-decisions-reroute').click();
    await author.getByTestId('decisions-0-at').fill('2026-12-01T10:10:00Z');
    await author.getByTestId('decisions-0-prompt').fill('Laser 1 is down for four hours. Send its work to laser 2?');
    await author.getByTestId('decisions-0-from').selectOption('LASER-01');
    await author.getByTestId('decisions-0-to').fill('LASER-02');
    await author.getByTestId('decisions-0-to').blur();
    await author.getByTestId('decisions-0-hints').fill('Laser 2 has room in the afternoon. | 10');
    await author.getByTestId('decisions-0-hints').blur();
    await author.getByTestId('weight-setup-hours').fill('1');
    await author.getByTestId('author-valid').waitFor({ timeout: 60_000 });

    // Exported next to symlinks of the samples (never copies): scenarios/training/<id>.json as the editor says.
    const tree = path.join(work, 'repo');
    mkdirSync(path.join(tree, 'scenarios/training'), { recursive: true });
    symlinkSync(path.join(ROOT, 'layouts'), path.join(tree, 'layouts'));
    for (const f of readdirSync(path.join(ROOT, 'scenarios')).filter((f) => f.endsWith('.json'))) symlinkSync(path.join(ROOT, 'scenarios', f), path.join(tree, 'scenarios', f));
    const lessonFile = path.join(tree, 'scenarios/training/authored-breakdown.json');
    await downloaded(page, author.getByTestId('export-lesson'), lessonFile);
    const validated = await runCli(['validate', lessonFile], ROOT);
    expect(validated.stdout).toContain('authored-breakdown.json: ok (lesson)');
    expect(validated.code).toBe(0);

    await author.getByTestId('play-lesson').click();
    const earned = await playToReport(page, async (_decision, form) => {
      await form.getByTestId('option-LASER-02').check();
      await form.getByTestId('decide').click();
    });
    const answersFile = path.join(work, 'authored-answers.json');
    await downloaded(page, page.getByTestId('export-answers'), answersFile);
    expect((await cliScore(lessonFile, answersFile)).earned).toBe(earned);
  }, 600_000);
});
