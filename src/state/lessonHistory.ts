import { openDB, type IDBPDatabase } from 'idb';
import type { LessonAnswers } from '../training/answersSchema.ts';
import type { LessonReport } from '../training/sessionTypes.ts';

/** One finished lesson of one trainee, as kept in the browser. */
export interface LessonAttempt {
  trainee: string;
  lesson: string;
  title: string;
  /** ISO time the report was made. */
  finishedAt: string;
  earned: number;
  possible: number;
  percent: number;
  passed: boolean;
  decisions: { decision: string; kind: string; answer: string; quality: number | null; earned: number | null; points: number | null }[];
  alarms: { scored: number; answered: number; earned: number; possible: number };
  /** The answers file, so the attempt can be scored again with the CLI. */
  answers: LessonAnswers;
}

export interface LessonHistory {
  add(report: LessonReport, answers: LessonAnswers): Promise<LessonAttempt>;
  /** A trainee's attempts, oldest first (every trainee's when `trainee` is undefined). */
  list(trainee?: string): Promise<LessonAttempt[]>;
  clear(trainee: string): Promise<void>;
}

export function attemptOf(report: LessonReport, answers: LessonAnswers, finishedAt: string): LessonAttempt {
  return {
    trainee: report.trainee, lesson: report.lesson, title: report.title, finishedAt,
    earned: report.totals.earned, possible: report.totals.possible, percent: report.totals.percent, passed: report.totals.passed,
    decisions: report.decisions.map((d) => ({
      decision: d.decision, kind: d.kind, answer: d.answer,
      quality: d.points?.quality ?? null, earned: d.points?.earned ?? null, points: d.points?.points ?? null,
    })),
    alarms: {
      scored: report.alarms.length, answered: report.alarms.filter((a) => a.response !== null).length,
      earned: report.alarms.reduce((s, a) => s + a.earned, 0), possible: report.alarms.reduce((s, a) => s + a.points, 0),
    },
    answers,
  };
}

const csvCell = (value: string | number | boolean | null): string => {
  const text = value === null ? '' : typeof value === 'number' ? String(Math.round(value * 100) / 100) : String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** One row per decision of each attempt (RFC 4180), so a spreadsheet can pivot by trainee, lesson or decision. */
export function historyCsv(attempts: readonly LessonAttempt[]): string {
  const header = ['trainee', 'lesson', 'finished', 'lesson points', 'lesson possible', 'lesson percent', 'passed', 'decision', 'kind', 'answer', 'quality', 'decision points', 'decision possible', 'alarm points', 'alarm possible'];
  const rows = attempts.flatMap((a) => a.decisions.map((d) => [
    a.trainee, a.lesson, a.finishedAt, a.earned, a.possible, a.percent, a.passed, d.decision, d.kind, d.answer,
    d.quality, d.earned, d.points, a.alarms.earned, a.alarms.possible,
  ]));
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

const DATABASE = 'plant-twin-training';
const ATTEMPTS = 'attempts';

/** IndexedDB (idb): kept across visits, per browser profile. A database of its own, so its versions are independent of the layout drafts'. */
export function indexedDbHistory(clock: () => string = () => new Date().toISOString()): LessonHistory {
  let db: Promise<IDBPDatabase> | undefined;
  const open = () => (db ??= openDB(DATABASE, 1, {
    upgrade: (d) => { d.createObjectStore(ATTEMPTS, { autoIncrement: true }).createIndex('trainee', 'trainee'); },
  }));
  return {
    async add(report, answers) {
      const attempt = attemptOf(report, answers, clock());
      await (await open()).add(ATTEMPTS, attempt);
      return attempt;
    },
    async list(trainee) {
      const d = await open();
      return (trainee === undefined ? await d.getAll(ATTEMPTS) : await d.getAllFromIndex(ATTEMPTS, 'trainee', trainee)) as LessonAttempt[];
    },
    async clear(trainee) {
      const d = await open();
      const tx = d.transaction(ATTEMPTS, 'readwrite');
      for (let c = await tx.store.index('trainee').openCursor(trainee); c; c = await c.continue()) await c.delete();
      await tx.done;
    },
  };
}

/** For tests and browsers without IndexedDB. */
export function memoryHistory(clock: () => string = () => new Date().toISOString()): LessonHistory {
  const attempts: LessonAttempt[] = [];
  return {
    async add(report, answers) {
      const attempt = attemptOf(report, answers, clock());
      attempts.push(structuredClone(attempt));
      return attempt;
    },
    list: async (trainee) => attempts.filter((a) => trainee === undefined || a.trainee === trainee).map((a) => structuredClone(a)),
    async clear(trainee) {
      for (let i = attempts.length - 1; i >= 0; i--) if (attempts[i]!.trainee === trainee) attempts.splice(i, 1);
    },
  };
}
