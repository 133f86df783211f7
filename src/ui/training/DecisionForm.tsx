import { useState } from 'react';
import { isoAt } from '../../model/calendar.ts';
import { playhead } from '../../state/twinStore.ts';
import { trainingStore, useTraining } from '../../state/trainingStore.ts';
import type { Answer } from '../../training/answersSchema.ts';
import type { DecisionView, PauseView } from '../../training/sessionTypes.ts';
import { useSecondsSince } from './useSecondsSince.ts';

const decide = (choice: Answer['choice']) => { void trainingStore.getState().answer(choice); };

/** The decision at hand: its question, the options (or a value to give), hints that cost points, and the clock where time counts. */
export function DecisionForm({ view }: { view: PauseView }) {
  const d = view.decision!;
  const hintsOpened = useTraining((s) => s.hintsOpened);
  const shownAt = useTraining((s) => s.shownAt);
  const seconds = useSecondsSince(shownAt, d.timeLimit !== undefined);
  return (
    <form className="decision" data-testid="decision" data-decision={d.id} data-kind={d.kind} onSubmit={(e) => e.preventDefault()}>
      <h3>{d.title ?? 'Your decision'}</h3>
      <p>{d.prompt}</p>
      <p className="decision-meta">
        {d.points} points{d.timeLimit ? ` · ${seconds} s of ${d.timeLimit.seconds} s without penalty` : ''}
      </p>
      {d.moot ? <MootDecision d={d} /> : <Answerer d={d} view={view} />}
      {d.hints.length > 0 && (
        <div className="hints">
          {d.hints.slice(0, hintsOpened).map((h, i) => <p key={i} className="hint" data-testid="hint">Hint: {h.text}</p>)}
          {hintsOpened < d.hints.length && (
            <button type="button" data-testid="reveal-hint" onClick={() => trainingStore.getState().revealHint()}>
              Show a hint (−{d.hints[hintsOpened]!.cost} points)
            </button>
          )}
        </div>
      )}
    </form>
  );
}

function MootDecision({ d }: { d: DecisionView }) {
  return (
    <>
      <p className="decision-moot">Nothing to decide here: {d.moot}. This decision is not scored.</p>
      <button type="button" className="primary" data-testid="decide" onClick={() => decide('none')}>Continue</button>
    </>
  );
}

function Answerer({ d, view }: { d: DecisionView; view: PauseView }) {
  if (d.kind === 'estimate') return <EstimateInput d={d} />;
  if (d.kind === 'mark-stop') return <StopMarker view={view} />;
  if (d.kind === 'sequence') return <SequencePicker d={d} />;
  return <OptionPicker d={d} />;
}

function OptionPicker({ d }: { d: DecisionView }) {
  const [choice, setChoice] = useState<string | undefined>();
  const many = d.options.length > 8;
  return (
    <>
      {many ? (
        <select data-testid="option-select" value={choice ?? ''} onChange={(e) => setChoice(e.target.value || undefined)} aria-label={d.prompt}>
          <option value="">choose…</option>
          {d.options.map((o) => <option key={o.id} value={o.id}>{o.label}</option>)}
        </select>
      ) : (
        <fieldset className="options">
          <legend className="visually-hidden">{d.prompt}</legend>
          {d.options.map((o) => (
            <label key={o.id} className="option">
              <input type="radio" name={`decision-${d.id}`} value={o.id} checked={choice === o.id} onChange={() => setChoice(o.id)} data-testid={`option-${o.id}`} />
              {o.label}
            </label>
          ))}
        </fieldset>
      )}
      <button type="button" className="primary" data-testid="decide" disabled={choice === undefined} onClick={() => choice !== undefined && decide(choice)}>Decide</button>
    </>
  );
}

function SequencePicker({ d }: { d: DecisionView }) {
  const [choice, setChoice] = useState<string | undefined>();
  const [own, setOwn] = useState<string[]>(d.values ?? []);
  const move = (i: number, by: number) => {
    const next = [...own];
    const [v] = next.splice(i, 1);
    next.splice(i + by, 0, v!);
    setOwn(next);
  };
  return (
    <>
      <fieldset className="options">
        <legend className="visually-hidden">{d.prompt}</legend>
        {d.options.map((o) => (
          <label key={o.id} className="option">
            <input type="radio" name={`decision-${d.id}`} checked={choice === o.id} onChange={() => setChoice(o.id)} data-testid={`option-${o.id}`} />
            {o.label}
          </label>
        ))}
        <label className="option">
          <input type="radio" name={`decision-${d.id}`} checked={choice === 'own'} onChange={() => setChoice('own')} data-testid="option-own" />
          my own sequence:
        </label>
        <ol className="own-sequence" aria-label="Your own sequence">
          {own.map((v, i) => (
            <li key={v}>
              <span>{v}</span>
              <button type="button" className="quiet-text" aria-label={`Move ${v} earlier`} disabled={i === 0} onClick={() => { move(i, -1); setChoice('own'); }}>↑</button>
              <button type="button" className="quiet-text" aria-label={`Move ${v} later`} disabled={i === own.length - 1} onClick={() => { move(i, 1); setChoice('own'); }}>↓</button>
            </li>
          ))}
        </ol>
      </fieldset>
      <button type="button" className="primary" data-testid="decide" disabled={choice === undefined} onClick={() => choice !== undefined && decide(choice === 'own' ? own : choice)}>Decide</button>
    </>
  );
}

function EstimateInput({ d }: { d: DecisionView }) {
  const [text, setText] = useState('');
  const value = Number(text);
  const ok = text.trim() !== '' && Number.isFinite(value);
  return (
    <>
      <label className="training-field">
        <span>Your estimate</span>
        <input type="number" step="any" data-testid="estimate" value={text} onChange={(e) => setText(e.target.value)} />
        <span className="unit">{d.unit}</span>
      </label>
      <button type="button" className="primary" data-testid="decide" disabled={!ok} onClick={() => ok && decide(value)}>Answer</button>
    </>
  );
}

function StopMarker({ view }: { view: PauseView }) {
  const startIso = useTraining((s) => s.opened?.startIso ?? view.atIso);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const here = () => isoAt(startIso, playhead.minutes);
  const valid = (t: string) => !Number.isNaN(Date.parse(t)) && /[zZ]|[+-]\d\d:?\d\d$/.test(t);
  const ok = valid(from) && valid(to) && Date.parse(to) > Date.parse(from);
  return (
    <>
      <p className="decision-meta">Scrub the timeline to the start and the end of the stop, and take each from the playhead (or type the times).</p>
      <label className="training-field">
        <span>From</span>
        <input data-testid="stop-from" value={from} onChange={(e) => setFrom(e.target.value)} placeholder="2022-08-08T13:58:00Z" />
        <button type="button" onClick={() => setFrom(here())}>Playhead</button>
      </label>
      <label className="training-field">
        <span>To</span>
        <input data-testid="stop-to" value={to} onChange={(e) => setTo(e.target.value)} placeholder="2022-08-08T14:21:00Z" />
        <button type="button" onClick={() => setTo(here())}>Playhead</button>
      </label>
      <button type="button" className="primary" data-testid="decide" disabled={!ok} onClick={() => ok && decide({ from, to })}>Mark</button>
    </>
  );
}
