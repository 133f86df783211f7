import { unknownHint } from '../model/closest.ts';
import type { Problem } from '../model/problem.ts';
import { renderFound } from '../model/render.ts';
import type { Scenario } from '../model/scenarioSchema.ts';
import type { Choice } from './answersSchema.ts';
import type { DecisionOption } from './decisionOptions.ts';
import type { Decision } from './lessonSchema.ts';
import type { AnswerPlace } from './sessionTypes.ts';

type SequenceDecision = Extract<Decision, { kind: 'sequence' }>;

/** The values of a campaign's attribute the trainee may order: the keys of the setup matrix on its first machine. */
export function sequenceValues(scenario: Scenario, d: SequenceDecision): string[] {
  const matrix = scenario.setupMatrices.find((m) => m.attribute === d.attribute && d.equipment.some((e) => m.equipment.includes(e)));
  return matrix ? [...matrix.keys] : [];
}

/**
 * The option an answer picks: an option id, or (sequence) the trainee's own order of values,
 * which becomes an option of its own ("own"). Anything else is a problem naming the choices.
 */
export function chooseOption(
  d: Decision, choice: Choice, options: readonly DecisionOption[], scenario: Scenario | undefined, place: AnswerPlace,
): { ok: true; option: DecisionOption } | { ok: false; problems: Problem[] } {
  const path = `${place.path}.choice`;
  const fail = (expected: string, hint?: string): { ok: false; problems: Problem[] } => ({
    ok: false, problems: [{ file: place.file, path, expected, found: renderFound(choice), ...(hint ? { hint } : {}) }],
  });
  if (d.kind === 'sequence' && Array.isArray(choice)) {
    const values = scenario ? sequenceValues(scenario, d) : [];
    const bad = choice.find((v) => !values.includes(v));
    if (bad !== undefined) return fail(`values of ${d.attribute} (${values.join(', ')})`, unknownHint(bad, values, d.attribute));
    if (new Set(choice).size !== choice.length) return fail(`each value of ${d.attribute} once`);
    return { ok: true, option: { id: 'own', label: `your sequence: ${choice.join(' → ')}`, choice: { kind: 'sequence', sequence: choice } } };
  }
  if (typeof choice !== 'string') {
    return fail(d.kind === 'sequence' ? 'an option id or a list of values' : 'an option id (text)');
  }
  const option = options.find((o) => o.id === choice);
  if (!option) {
    const ids = options.map((o) => o.id);
    return fail(`one of the options: ${ids.slice(0, 12).map((id) => JSON.stringify(id)).join(', ')}${ids.length > 12 ? ', …' : ''}`, unknownHint(choice, ids, 'option'));
  }
  return { ok: true, option };
}
