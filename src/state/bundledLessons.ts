import { bundledSamples } from './bundledSamples.ts';

// Bundled at build time, like the sample plants: the lessons in scenarios/training.
const lessons = import.meta.glob<string>('../../scenarios/training/*.json', { query: '?raw', import: 'default', eager: true });

/** Lesson texts keyed by their path in the repository ("scenarios/training/x.json"). */
export const bundledLessons: ReadonlyMap<string, string> = new Map(
  Object.entries(lessons).map(([key, text]) => [key.replace(/^(\.\.\/)+/, ''), text]),
);

/** Every bundled text a lesson may reference, by repository path: the sample layouts and scenarios. */
export function bundledTexts(): Record<string, string> {
  return Object.fromEntries(bundledSamples);
}

/** A lesson's title, read without checking the file (the list shows it before a lesson is opened). */
export function lessonTitle(text: string): string {
  try {
    const value = JSON.parse(text) as { title?: unknown };
    return typeof value.title === 'string' ? value.title : '(untitled)';
  } catch {
    return '(not JSON)';
  }
}
