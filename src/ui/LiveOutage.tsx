import { outageText } from '../state/liveConnection.ts';
import { useLive } from '../state/liveStore.ts';
import { usePlayback } from '../state/twinStore.ts';

/**
 * While the broker connection is lost, the whole scene says so: it is greyed and hatched under a
 * banner "Connection lost … — reconnecting in N s". The machines keep their last states (turning
 * stale by the usual rule), but nothing on screen looks like current news.
 */
export function LiveOutage() {
  const showingLive = usePlayback((s) => s.source?.kind === 'live');
  const text = useLive((s) => outageText(s));
  if (!showingLive || text === undefined) return null;
  return (
    <div className="live-outage" data-testid="live-outage">
      <p role="alert">{text}</p>
    </div>
  );
}
