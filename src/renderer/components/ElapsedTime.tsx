// How long the customer has been paying, ticking each second.
import { formatElapsed } from '../lib/format.ts';
import { useNow } from '../lib/use-now.ts';

export function ElapsedTime({ since }: { since: string }) {
  const now = useNow(1000);
  return (
    <time className="money" dateTime={since}>
      {formatElapsed(now - Date.parse(since))}
    </time>
  );
}
