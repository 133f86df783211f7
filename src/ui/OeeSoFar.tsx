import { format } from 'd3';
import { useSimulation } from '../app/simulationStore.ts';
import { usePlayback } from '../app/twinStore.ts';
import { oeeSoFar } from '../twin/oeeSoFar.ts';

const percent = format('.1%');
const show = (v: number | undefined) => (v === undefined ? '—' : percent(v));

/**
 * OEE up to the playhead while the timeline plays a simulation trace: availability from the
 * trace's states so far, performance and quality from the traced run's results (see oeeSoFar).
 */
export function OeeSoFar({ equipmentId, minutesInState }: { equipmentId: string; minutesInState: Float64Array }) {
  const traceSource = useSimulation((s) => s.source);
  const traced = useSimulation((s) => s.traced);
  const playing = usePlayback((s) => s.source);
  if (!traceSource || playing !== traceSource || !traced) return null;
  const run = traced.result.equipment.find((e) => e.id === equipmentId)?.oee;
  const o = oeeSoFar(minutesInState, run);
  return (
    <div className="oee-so-far" data-testid="oee-so-far">
      <h3>OEE so far</h3>
      <dl>
        <dt>Availability</dt><dd data-testid="oee-availability">{show(o.availability)}</dd>
        <dt>Performance</dt><dd>{show(o.performance)}</dd>
        <dt>Quality</dt><dd>{show(o.quality)}</dd>
        <dt>OEE</dt><dd data-testid="oee-value" data-oee={o.oee ?? ''}>{show(o.oee)}</dd>
      </dl>
      <p className="status-note">Availability up to the playhead; performance and quality over the whole run.</p>
    </div>
  );
}
