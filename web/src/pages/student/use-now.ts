import { useEffect, useState } from 'preact/hooks';

/** The current time, refreshed every `everyMs`, so countdowns move while the page stays open. */
export const useNow = (everyMs = 30_000): number => {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
};
