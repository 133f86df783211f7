import { durationText } from '../live/liveFreshness.ts';
import { twinStore } from '../state/twinStore.ts';
import { STATE_COLOURS, STATE_LABELS, STATE_LETTERS } from '../twin/statePalette.ts';
import { needsAttention, useMachineStates } from './useMachineStates.ts';
import './machineStates.css';

/** Down, blocked and stale machines, longest first: one click selects the machine. */
export function NeedsAttention() {
  const rows = useMachineStates();
  if (!rows) return null;
  const list = needsAttention(rows);
  return (
    <section className="needs-attention" aria-label="Needs attention" data-testid="needs-attention">
      <h3>Needs attention ({list.length})</h3>
      {list.length === 0 ? <p className="live-note">Nothing down, blocked or stale.</p> : (
        // One Tab stop; Up and Down move through the list.
        <ul onKeyDown={(e) => {
          if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
          const buttons = [...e.currentTarget.querySelectorAll('button')];
          const at = buttons.indexOf(e.target as HTMLButtonElement);
          buttons[Math.max(0, Math.min(buttons.length - 1, at + (e.key === 'ArrowDown' ? 1 : -1)))]?.focus();
          e.preventDefault();
        }}>
          {list.map((r, i) => (
            <li key={r.id}>
              <button type="button" tabIndex={i === 0 ? 0 : -1} onClick={() => twinStore.getState().select(r.id)} data-testid="attention-item" data-attention-id={r.id}>
                <span className={`state-dot${r.stale ? ' stale' : ''}`} style={{ background: STATE_COLOURS[r.state] }} data-state={r.state} aria-hidden="true">{STATE_LETTERS[r.state]}</span>
                <span className="attention-what">
                  <strong>{r.id}</strong> {STATE_LABELS[r.state]}{r.stale ? ` (${r.freshness ?? 'stale'})` : ''}{r.reason ? ` — ${r.reason}` : ''}
                </span>
                {r.minutesInState !== undefined && <span className="attention-for">{durationText(r.minutesInState * 60_000)}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
