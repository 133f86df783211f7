import type { Problem } from '../model/problem.ts';

/** Problems as the CLI prints them, one row each: where, what was expected, what was found, how to fix. */
export function ProblemList({ problems }: { problems: readonly Problem[] }) {
  return (
    <ul className="problem-list">
      {problems.map((p, i) => (
        <li key={i} className="problem" data-testid="problem">
          <span className="problem-where">
            <span className="problem-file">{p.file}</span>
            {p.path && <code className="problem-path">{p.path}</code>}
          </span>
          <span className="problem-what">
            expected {p.expected}, found {p.found}
          </span>
          {p.hint && <span className="problem-hint">{p.hint}</span>}
        </li>
      ))}
    </ul>
  );
}
