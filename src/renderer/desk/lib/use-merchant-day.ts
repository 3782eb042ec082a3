// Loads every terminal's day (reports.merchantDay) for the desk: the records as main last listed them
// at once, then a fresh listing; `refresh` lists the server again.
import { useCallback, useEffect, useState } from 'react';
import type { MerchantDay } from '../../../shared/merchant-day.ts';
import { errorMessage } from '../../lib/errors.ts';
import { pos } from '../../lib/pos.ts';

export type MerchantDayLoad =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | { state: 'ready'; merchantDay: MerchantDay; refreshing: boolean };

export function useMerchantDay(day: string): { load: MerchantDayLoad; refresh(): void } {
  const [load, setLoad] = useState<MerchantDayLoad>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (day === '') return;
    let live = true;
    const show = (merchantDay: MerchantDay, refreshing: boolean) => {
      if (live) setLoad({ state: 'ready', merchantDay, refreshing });
    };
    void (async () => {
      try {
        // Listing every record can take seconds: show what main listed last while it lists again.
        show(await pos().reports.merchantDay({ day, server: 'cached' }), true);
        show(await pos().reports.merchantDay({ day, server: 'fresh' }), false);
      } catch (error) {
        if (live) setLoad({ state: 'error', message: errorMessage(error) });
      }
    })();
    return () => {
      live = false;
    };
  }, [day, attempt]);

  const refresh = useCallback(() => setAttempt((n) => n + 1), []);
  return { load, refresh };
}
