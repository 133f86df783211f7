import './forms.css';
import type { Problem } from '../model/problem.ts';
import { namePathsIn, problemSubject } from '../model/problemSubject.ts';

/**
 * Problems, one row each: what they are about first (the machine's id and name, the order…, where
 * the file's data is at hand in `data`, by file name), then what was expected and found, how to
 * fix it, and the file and JSON path second.
 */
export function ProblemList({ problems, data }: { problems: readonly Problem[]; data?: Readonly<Record<string, unknown>> }) {
  return (
    <ul className="problem-list">
      {problems.map((p, i) => {
        const json = data?.[p.file];
        const subject = json === undefined ? undefined : problemSubject(json, p.path);
        return (
          <li key={i} className="problem" data-testid="problem">
            {subject && <strong className="problem-subject" data-testid="problem-subject">{subject}</strong>}
            <span className="problem-what">
              expected {p.expected}, found {json === undefined ? p.found : namePathsIn(json, p.found)}
            </span>
            {p.hint && <span className="problem-hint">{p.hint}</span>}
            <span className="problem-where">
              <span className="problem-file">{p.file}</span>
              {p.path && <code className="problem-path">{p.path}</code>}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
