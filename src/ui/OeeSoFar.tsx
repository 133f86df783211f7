import { format } from 'd3';
import { useSimulation } from '../state/simulationStore.ts';
import { usePlayback } from '../state/twinStore.ts';
import { isLiveSource } from '../playback/liveSource.ts';
import { oeeSoFar, type OeeSoFar as OeeFigures } from '../playback/oeeSoFar.ts';

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
  if (isLiveSource(playing) && playing.history) {
    // Live: availability from the states since connect, quality from the good and scrap counters heard.
    const kpis = playing.history.kpis(equipmentId, Date.now());
    const { availability } = oeeSoFar(minutesInState);
    return <OeeTable o={{ availability, performance: undefined, quality: kpis?.quality, oee: undefined }} note="Since connect; performance needs an ideal cycle time, which live messages do not carry." />;
  }
  if (!traceSource || playing !== traceSource || !traced) return null;
  const run = traced.result.equipment.find((e) => e.id === equipmentId)?.oee;
  return <OeeTable o={oeeSoFar(minutesInState, run)} note="Availability up to the playhead; performance and quality over the whole run." />;
}

function OeeTable({ o, note }: { o: OeeFigures; note: string }) {
  return (
    <div className="oee-so-far" data-testid="oee-so-far">
      <h3>OEE so far</h3>
      <dl>
        <dt>Availability</dt><dd data-testid="oee-availability">{show(o.availability)}</dd>
        <dt>Performance</dt><dd>{show(o.performance)}</dd>
        <dt>Quality</dt><dd>{show(o.quality)}</dd>
        <dt>OEE</dt><dd data-testid="oee-value" data-oee={o.oee ?? ''}>{show(o.oee)}</dd>
      </dl>
      <p className="status-note">{note}</p>
    </div>
  );
}
