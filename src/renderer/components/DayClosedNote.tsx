// After Close day the counter says so: the day's Z report is closed, and new sales go into the next period
// (the manager's day summary shows them apart). Shown only on the day of the close.
import { useEffect, useState } from 'react';
import type { LastClose } from '../../shared/domain.ts';
import { formatTime } from '../lib/format.ts';
import { messages } from '../lib/messages.ts';
import { pos } from '../lib/pos.ts';

/** Today in this computer's zone, as main's day keys are (YYYY-MM-DD): en-CA writes dates that way. */
function todayKey(): string {
  return new Intl.DateTimeFormat('en-CA').format(new Date());
}

export function DayClosedNote({ locale }: { locale: string }) {
  const [last, setLast] = useState<LastClose>(null);

  useEffect(() => {
    let live = true;
    pos()
      .reports.lastClose()
      // Nothing to say when it cannot be read: the note only adds to what the screen shows.
      .then(
        (close) => live && setLast(close),
        () => undefined,
      );
    return () => {
      live = false;
    };
  }, []);

  if (!last || last.day !== todayKey()) return null;
  return (
    <p className="entry__closed muted" role="note">
      {messages.sale.dayClosed(last.number, formatTime(last.closedAt, locale))}
    </p>
  );
}
