import { usePlayback } from '../state/twinStore.ts';
import { ATTENTION_STATES, NORMAL_STATES, STATE_COLOURS, STATE_LABELS } from '../twin/statePalette.ts';

/** Which colour means what: calm greys for normal operation, hue only where attention is needed. */
export function StateLegend() {
  const hasSource = usePlayback((s) => s.source !== undefined);
  // Only live states go stale; they are then drawn in the unknown colour.
  const live = usePlayback((s) => s.source !== undefined && 'isStale' in s.source);
  if (!hasSource) return null;
  return (
    <aside className="legend" aria-label="State colours" data-testid="state-legend">
      <ul>
        {[...ATTENTION_STATES, ...NORMAL_STATES].map((state) => (
          <li key={state} className={ATTENTION_STATES.includes(state) ? 'attention' : undefined}>
            <span className="swatch" style={{ background: STATE_COLOURS[state] }} />
            {STATE_LABELS[state]}
          </li>
        ))}
        {live && <li data-testid="legend-stale"><span className="swatch" style={{ background: STATE_COLOURS.unknown }} />Stale (no recent data)</li>}
        <li><span className="swatch bar" />Input buffer fill</li>
        <li><span className="swatch part" />Part (WIP)</li>
      </ul>
    </aside>
  );
}
