import { useLive } from '../state/liveStore.ts';
import { useReplay } from '../state/replayStore.ts';
import { useSimulation } from '../state/simulationStore.ts';
import { usePlayback } from '../state/twinStore.ts';
import { plantClock } from './plantTime.ts';
import { usePlantMinutes } from './usePlantMinutes.ts';

const time = (ms: number) => new Date(ms).toLocaleTimeString('en-GB', { hour12: false });

/**
 * Where the colours on the scene come from, always on the scene: LIVE · clock · messages,
 * RECORDING file · time, SIMULATION seed · replication, DEMO — so nobody takes made-up or old
 * states for the plant now.
 */
export function SourceBadge() {
  const source = usePlayback((s) => s.source);
  const liveNow = useLive((s) => s.now);
  const messages = useLive((s) => s.messages);
  const lost = useLive((s) => s.lostAt !== undefined);
  const recording = useReplay((s) => s.name);
  const traced = useSimulation((s) => s.traced?.result);
  const minutes = usePlantMinutes();
  let kind: string;
  let detail: string;
  if (!source) {
    kind = 'LAYOUT';
    detail = 'no machine states shown';
  } else switch (source.kind) {
    case 'live':
      kind = 'LIVE';
      detail = `${time(liveNow)} · ${messages.toLocaleString('en')} message${messages === 1 ? '' : 's'}${lost ? ' · connection lost' : ''}`;
      break;
    case 'recording':
      kind = 'RECORDING';
      detail = `${recording ?? source.label} · ${plantClock(source.startIso, minutes)}`;
      break;
    case 'simulation':
      kind = 'SIMULATION';
      detail = traced ? `seed ${traced.seed} · replication ${traced.replication}` : source.label;
      break;
    case 'demo':
      kind = 'DEMO';
      detail = 'synthetic states, not the plant';
      break;
    case undefined:
      kind = 'STATES';
      detail = source.label;
      break;
    default:
      kind = source.kind.toUpperCase();
      detail = source.label;
  }
  return (
    <div className="source-badge" data-kind={source?.kind ?? 'none'} data-testid="source-badge" role="status" aria-live="off">
      <strong>{kind}</strong> <span>{detail}</span>
    </div>
  );
}
