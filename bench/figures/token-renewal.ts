// Figure 3: token renewal. 100 concurrent calls right after the sandbox expired every token: each is refused
// (401), exactly one renewal runs, and every call is retried with the new token. Renewals come from the
// sandbox's own counters; the time sits next to its floor of 3 raw round trips (refused call, renewal, retry).
import type { Figure } from '../lib/figure.ts';
import { reps, withRatio } from '../lib/figure.ts';
import { clientFor, rawRoundTrip, rawToken, startBenchSandbox } from '../lib/sale-rig.ts';
import { now, summarise } from '../lib/stats.ts';
import { LATENCY_MS } from './charge.ts';

const CONCURRENT = 100;

/** The wire work of a renewal under load, without our client: a burst, one request, the burst again. */
async function rawBurst(url: string, token: string): Promise<number> {
  const burst = () => Promise.all(Array.from({ length: CONCURRENT }, () => rawRoundTrip(url, token)));
  const start = now();
  await burst();
  await rawRoundTrip(url, token);
  await burst();
  return now() - start;
}

export const tokenRenewalFigure: Figure = {
  id: '3',
  title: 'Token renewal under 100 concurrent calls',
  async run(ctx) {
    const sandbox = await startBenchSandbox(LATENCY_MS);
    try {
      const client = clientFor(sandbox.url, sandbox.credentials);
      await client.warmUp();
      const inr = (await client.currencies()).find((c) => c.code === 'INR');
      if (!inr) throw new Error('The sandbox listed no INR.');
      // Open the connections the burst will use, so the first run does not also time 100 TCP handshakes.
      await Promise.all(Array.from({ length: CONCURRENT }, () => client.paymentMethods(inr.id)));
      const renewals: number[] = [];
      const times: number[] = [];
      const floor: number[] = [];
      const requests: number[] = [];
      const count = reps(ctx, 10);
      for (let i = 0; i < count; i++) {
        sandbox.resetStats();
        sandbox.faults.expireAllTokens();
        const start = now();
        const replies = await Promise.all(
          Array.from({ length: CONCURRENT }, () => client.paymentMethods(inr.id)),
        );
        times.push(now() - start);
        if (replies.some((methods) => methods.length === 0))
          throw new Error('A call after the renewal came back empty.');
        const stats = sandbox.stats();
        renewals.push(stats.tokensGenerated + stats.tokensRefreshed);
        requests.push(stats.requests);
        // The expiry ended every earlier token, raw ones too: fetch one (untimed) for the floor.
        const token = await rawToken(sandbox);
        floor.push(await rawBurst(`${sandbox.url}/${inr.id}/payment-methods`, token));
      }
      const counts = summarise(renewals);
      const exactlyOne = counts.min === 1 && counts.max === 1;
      return [
        {
          id: '3',
          name: `Token renewals for ${CONCURRENT} concurrent calls after expiry`,
          unit: '',
          ours: counts,
          reference: { label: 'exactly 1 (single flight)', summary: summarise([1]) },
          ratio: counts.median,
          target: '= 1 in every run',
          met: exactlyOne,
          note: `min ${counts.min}, max ${counts.max} over ${counts.n} runs; ${summarise(requests).median} requests per run`,
        },
        withRatio({
          id: '3b',
          name: `${CONCURRENT} concurrent calls after expiry, total time (${LATENCY_MS} ms latency)`,
          unit: 'ms',
          ours: summarise(times),
          reference: {
            label: 'raw: 100 concurrent GETs, 1 GET, 100 concurrent GETs',
            summary: summarise(floor),
          },
          note: 'the floor moves the same requests (refused burst, one renewal, retried burst) with no client code',
        }),
      ];
    } finally {
      await sandbox.close();
    }
  },
};
