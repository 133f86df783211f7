import { useEffect, useState } from 'react';

/** Whole seconds since `since` (performance.now()), ticking twice a second while `running`. */
export function useSecondsSince(since: number, running: boolean): number {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    if (!running) return undefined;
    const timer = setInterval(() => setNow(performance.now()), 500);
    return () => clearInterval(timer);
  }, [running]);
  return Math.max(0, Math.floor((now - since) / 1000));
}
