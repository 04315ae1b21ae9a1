/**
 * The current time, ticking only while a step runs (for its elapsed time). When nothing runs there is
 * no timer at all, so an idle lab uses no CPU.
 */
import { useEffect, useState } from 'react';

export function useNow(ticking: boolean, intervalMs = 200): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!ticking) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [ticking, intervalMs]);
  return now;
}
