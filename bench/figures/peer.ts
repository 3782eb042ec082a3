// Figure 8: the peer. The same Charge → checkout flow written the naive way a user would by hand (a plain
// fetch sequence per sale: generate token, initiate, process), against the same sandbox and latency,
// interleaved with our engine's start() in the same run.
import type { Sandbox } from '../../src/sandbox/index.ts';
import type { Figure } from '../lib/figure.ts';
import { reps, withRatio } from '../lib/figure.ts';
import { REDIRECT_URL, expectStatus, settle, withRig } from '../lib/sale-rig.ts';
import { now, summarise } from '../lib/stats.ts';
import { LATENCY_MS } from './charge.ts';

let counter = 0;

async function postJson(
  url: string,
  headers: Record<string, string>,
  body: unknown,
): Promise<Record<string, unknown>> {
  const reply = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const json = (await reply.json()) as Record<string, unknown>;
  if (!reply.ok) throw new Error(`${url} answered ${reply.status}: ${JSON.stringify(json)}`);
  return json;
}

/** Token, initiate, process: the checkout URL a naive terminal would show. No journal, no checks. */
export async function naiveCharge(sandbox: Sandbox, currencyId: string, methodId: string): Promise<string> {
  const { appId, accessKey, secretKey } = sandbox.credentials;
  const token = (await postJson(
    `${sandbox.url}/auth/generate-token/${appId}`,
    {},
    { accessKey, secretKey },
  )) as { result: { accessToken: string } };
  const initiated = (await postJson(
    `${sandbox.url}/transaction/initiate`,
    { authorization: `Bearer ${token.result.accessToken}` },
    {
      currencyId,
      paymentMethodId: methodId,
      amount: 345.67,
      referenceNumber: `NAIVE-${Date.now()}-${++counter}`,
      appId,
      redirectUrl: REDIRECT_URL,
    },
  )) as { result: { signature: string } };
  const processed = (await postJson(
    `${sandbox.url}/transaction/process`,
    { 'x-signature': initiated.result.signature },
    {},
  )) as {
    result: { order: { checkoutUrl?: string } };
  };
  const url = processed.result.order.checkoutUrl;
  if (typeof url !== 'string') throw new Error('The naive flow got no checkout URL.');
  return url;
}

export const peerFigure: Figure = {
  id: '8',
  title: 'Peer: naive fetch sequence per sale',
  async run(ctx) {
    return withRig(ctx.scratch, LATENCY_MS, async (rig, sandbox) => {
      const { currencyId, methodId } = rig.input();
      await naiveCharge(sandbox, currencyId, methodId);
      await settle(
        rig,
        sandbox,
        expectStatus(await rig.engine.start(rig.input()), 'awaiting_payment', 'warm-up sale'),
      );
      const ours: number[] = [];
      const naive: number[] = [];
      const count = reps(ctx, 30);
      for (let i = 0; i < count; i++) {
        const naiveFirst = i % 2 === 0;
        if (naiveFirst) naive.push(await timeNaive(sandbox, currencyId, methodId));
        const start = now();
        const sale = expectStatus(await rig.engine.start(rig.input()), 'awaiting_payment', 'charge');
        ours.push(now() - start);
        if (!naiveFirst) naive.push(await timeNaive(sandbox, currencyId, methodId));
        await settle(rig, sandbox, sale);
      }
      return [
        withRatio({
          id: '8',
          name: `Charge → checkout: ours vs naive fetch sequence (${LATENCY_MS} ms latency)`,
          unit: 'ms',
          ours: summarise(ours),
          reference: { label: 'naive: token + initiate + process per sale', summary: summarise(naive) },
          note: 'below 1× = faster than the naive flow; ours also journals (fsync) and checks every reply',
        }),
      ];
    });
  },
};

async function timeNaive(sandbox: Sandbox, currencyId: string, methodId: string): Promise<number> {
  const start = now();
  await naiveCharge(sandbox, currencyId, methodId);
  return now() - start;
}
