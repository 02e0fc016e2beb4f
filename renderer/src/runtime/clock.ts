// The booth screen's sense of "now": minutes waited for a recheck, and the calendar day, which
// must roll over at midnight without a reload (a night shift runs through it). One timer per
// user, set for the next whole minute (local midnight is always one), re-read when the window
// comes back from sleep or the background, where timers are late.
import { useEffect, useState } from 'react';
import { dayKey } from '../db';

const MINUTE = 60_000;

/** Date.now(), refreshed at every whole minute. */
export function useMinuteClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = () => {
      const t = Date.now();
      // A few ms past the boundary, so the new minute (and the new day) is what Date.now() says.
      timer = setTimeout(tick, MINUTE - (t % MINUTE) + 20);
    };
    const tick = () => {
      setNow(Date.now());
      schedule();
    };
    const wake = () => {
      if (timer !== undefined) clearTimeout(timer);
      tick();
    };
    schedule();
    document.addEventListener('visibilitychange', wake);
    window.addEventListener('focus', wake);
    return () => {
      if (timer !== undefined) clearTimeout(timer);
      document.removeEventListener('visibilitychange', wake);
      window.removeEventListener('focus', wake);
    };
  }, []);
  return now;
}

/** The booth's calendar day ('YYYY-MM-DD'), changing at local midnight. */
export function useToday(): string {
  return dayKey(useMinuteClock());
}
