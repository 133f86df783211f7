import { useEffect, useState } from 'react';
import { playhead } from '../../state/twinStore.ts';

/** The playhead's minute, read four times a second (panels need not follow every frame). */
export function usePlayhead(): number {
  const [minutes, setMinutes] = useState(playhead.minutes);
  useEffect(() => {
    const timer = setInterval(() => setMinutes(playhead.minutes), 250);
    return () => clearInterval(timer);
  }, []);
  return minutes;
}

/** Seconds since `since` (performance.now()), ticking once a second. */
export function useSecondsSince(since: number, running: boolean): number {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    if (!running) return undefined;
    const timer = setInterval(() => setNow(performance.now()), 500);
    return () => clearInterval(timer);
  }, [running]);
  return Math.max(0, Math.floor((now - since) / 1000));
}
