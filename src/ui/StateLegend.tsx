import { usePlayback } from '../state/twinStore.ts';
import { ATTENTION_STATES, NORMAL_STATES, STATE_COLOURS, STATE_LABELS, STATE_LETTERS } from '../twin/statePalette.ts';

/** Which colour and letter mean what: calm greys for normal operation, hue only where attention is needed. */
export function StateLegend() {
  const hasSource = usePlayback((s) => s.source !== undefined);
  // Only live states go stale (or arrive as an old retained copy); they are then drawn hatched.
  const live = usePlayback((s) => s.source?.kind === 'live');
  const queues = usePlayback((s) => s.source?.queues === true);
  if (!hasSource) return null;
  return (
    <aside className="legend" aria-label="State colours and letters" data-testid="state-legend">
      <ul>
        {[...ATTENTION_STATES, ...NORMAL_STATES].map((state) => (
          <li key={state} className={ATTENTION_STATES.includes(state) ? 'attention' : undefined}>
            <span className="swatch" style={{ background: STATE_COLOURS[state] }} />
            <span className="legend-letter">{STATE_LETTERS[state]}</span> {STATE_LABELS[state]}
          </li>
        ))}
        {live && <li data-testid="legend-stale"><span className="swatch stale" style={{ background: STATE_COLOURS.processing }} />Hatched: stale or last known</li>}
        {queues && <li><span className="swatch bar" />Input buffer fill</li>}
        {queues && <li><span className="swatch part" />Part (WIP)</li>}
      </ul>
    </aside>
  );
}
