import { format, scaleLinear } from 'd3';
import { MACHINE_STATES } from '../model/machineState.ts';
import { STATE_COLOURS, STATE_LABELS } from '../twin/statePalette.ts';

const WIDTH = 280;
const BAR = 18;
const percent = format('.0%');

/** Minutes in each state so far as one horizontal stacked bar, with the shares listed below it. */
export function TimeInStateChart({ minutes }: { minutes: Float64Array }) {
  const total = minutes.reduce((a, b) => a + b, 0);
  if (total <= 0) return <p className="chart-empty">No time has passed yet.</p>;
  const x = scaleLinear().domain([0, total]).range([0, WIDTH]);
  let at = 0;
  const segments = MACHINE_STATES.flatMap((state, i) => {
    const value = minutes[i] ?? 0;
    if (value <= 0) return [];
    const segment = { state, value, x: x(at), width: x(value) - x(0) };
    at += value;
    return [segment];
  });
  return (
    <figure className="time-in-state" data-testid="time-in-state">
      <svg width={WIDTH} height={BAR} role="img" aria-label="Time in each state so far">
        {segments.map((s) => (
          <rect key={s.state} x={s.x} y={0} width={Math.max(s.width, 0.5)} height={BAR} fill={STATE_COLOURS[s.state]}>
            <title>{`${STATE_LABELS[s.state]}: ${Math.round(s.value)} min`}</title>
          </rect>
        ))}
      </svg>
      <figcaption>
        {segments.map((s) => (
          <span key={s.state} className="share">
            <span className="swatch" style={{ background: STATE_COLOURS[s.state] }} />
            {STATE_LABELS[s.state]} {percent(s.value / total)}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
