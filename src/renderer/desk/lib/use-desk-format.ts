// The desk's locale, time zone and formatters: the manager's locale setting (else the currency's, else
// the computer's)
// and the computer's time zone, which is the terminal's (main counts days in the same zone).
import { useMemo } from 'react';
import { createZonedTime, systemTimeZone, type ZonedTime } from '../../../shared/zoned-time.ts';
import { resolveLocale } from '../../lib/format.ts';
import { useAppStatus } from '../../stores/index.ts';
import { createFormatters, type DeskFormatters } from './formatters.ts';

export interface DeskFormat {
  locale: string;
  format: DeskFormatters;
  zoned: ZonedTime;
}

export function useDeskFormat(): DeskFormat {
  const preferred = useAppStatus((s) => s.status?.settings.locale);
  const currency = useAppStatus((s) => s.status?.settings.defaultCurrency);
  const locale = resolveLocale(preferred, currency);
  return useMemo(() => {
    const timeZone = systemTimeZone();
    return { locale, format: createFormatters(locale, timeZone), zoned: createZonedTime(timeZone) };
  }, [locale]);
}
