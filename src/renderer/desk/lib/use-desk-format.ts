// The desk's locale, time zone and formatters: the terminal's locale (use-terminal-locale.ts) and the
// computer's time zone, which is the terminal's (main counts days in the same zone).
import { useMemo } from 'react';
import { createZonedTime, systemTimeZone, type ZonedTime } from '../../../shared/zoned-time.ts';
import { useTerminalLocale } from '../../lib/use-terminal-locale.ts';
import { createFormatters, type DeskFormatters } from './formatters.ts';

export interface DeskFormat {
  locale: string;
  format: DeskFormatters;
  zoned: ZonedTime;
}

export function useDeskFormat(): DeskFormat {
  const locale = useTerminalLocale();
  return useMemo(() => {
    const timeZone = systemTimeZone();
    return { locale, format: createFormatters(locale, timeZone), zoned: createZonedTime(timeZone) };
  }, [locale]);
}
