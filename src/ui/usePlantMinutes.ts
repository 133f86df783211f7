import { useEffect, useState } from 'react';
import { playhead, usePlayback } from '../state/twinStore.ts';

/**
 * Plant time for panels: read from the playhead a few times a second, not every frame, so text
 * and charts follow playback without a React render per frame.
 */
export function usePlantMinutes(): number {
  const hasSource = usePlayback((s) => s.source !== undefined);
  const [minutes, setMinutes] = useState(playhead.minutes);
  useEffect(() => {
    if (!hasSource) return;
    const timer = setInterval(() => setMinutes(playhead.minutes), 250);
    return () => clearInterval(timer);
  }, [hasSource]);
  return minutes;
}
