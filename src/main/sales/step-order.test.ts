// The order of a sale's journal writes against its requests and its updates: each step on disk before the
// request it leads to leaves and before anyone is told of it; a return's check may read beside its record.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Sale } from '../../shared/domain.ts';
import type { KsPayClient } from '../kspay/index.ts';
import { INR, startRig } from './testing/rig.ts';
import type { Rig } from './testing/rig.ts';

let rig: Rig;
afterEach(async () => {
  await rig.close();
});

/** The statuses of `saleId` written to the journal's day files so far, read from disk. */
function statusesOnDisk(dir: string, saleId: string): Sale['status'][] {
  const out: Sale['status'][] = [];
  for (const name of readdirSync(dir)
    .filter((file) => file.endsWith('.jsonl'))
    .sort()) {
    for (const line of readFileSync(join(dir, name), 'utf8').split('\n')) {
      if (line === '') continue;
      const record = JSON.parse(line) as { kind: string; sale?: Sale };
      if (record.kind === 'sale' && record.sale?.id === saleId) out.push(record.sale.status);
    }
  }
  return out;
}

/** A rig whose client and journal note, in one list, when each request starts and each append starts/ends. */
async function recordingRig(): Promise<{ events: string[] }> {
  const events: string[] = [];
  rig = await startRig({
    wrapClient: (client): KsPayClient => ({
      ...client,
      initiate(input, signal) {
        events.push('request initiate');
        return client.initiate(input, signal);
      },
      process(signature, signal) {
        events.push('request process');
        return client.process(signature, signal);
      },
      async transaction(txnId, signal) {
        events.push('request transaction');
        const reply = await client.transaction(txnId, signal);
        events.push('answer transaction');
        return reply;
      },
    }),
  });
  const append = rig.journal.append.bind(rig.journal);
  Object.assign(rig.journal, {
    async append(input: Parameters<typeof append>[0]) {
      const status = input.kind === 'sale' ? input.sale.status : input.kind;
      events.push(`append ${status}`);
      const written = await append(input);
      events.push(`written ${status}`);
      return written;
    },
  });
  rig.engine.onUpdate((sale) => {
    // Whatever a listener is told must be on disk already (the engine swallows a listener's throw, so say it).
    const onDisk = statusesOnDisk(rig.dir, sale.id).includes(sale.status);
    events.push(onDisk ? `shown ${sale.status}` : `shown ${sale.status} before it was on disk`);
  });
  return { events };
}

describe('the order of journal writes, requests and updates', () => {
  it('writes each step of a charge before the request it leads to and before the step is shown', async () => {
    const { events } = await recordingRig();
    const sale = await rig.engine.start({ ...INR, amountMinor: 34_567 });
    expect(sale.status).toBe('awaiting_payment');
    expect(events).toEqual([
      'append initiating',
      'written initiating',
      'shown initiating',
      'request initiate',
      'append processing',
      'written processing',
      'shown processing',
      'request process',
      'append awaiting_payment',
      'written awaiting_payment',
      'shown awaiting_payment',
    ]);
  });

  it('checks a return beside its record, but applies and shows the answer only once the return is on disk', async () => {
    const { events } = await recordingRig();
    const sale = await rig.engine.start({ ...INR, amountMinor: 34_567 });
    events.length = 0;
    const { redirectUrl } = rig.sandbox.pay(sale.txnId ?? '', 'success');
    const settled = await rig.engine.handleRedirect(redirectUrl);
    expect(settled?.status).toBe('succeeded');
    // The GET starts first (a read, with no effect on KS Pay); the return's record is written beside it.
    expect(events[0]).toBe('request transaction');
    const order = (event: string): number => events.indexOf(event);
    expect(order('written verifying')).toBeGreaterThan(order('append verifying'));
    expect(order('shown verifying')).toBeGreaterThan(order('written verifying'));
    // The answer is applied only after the return is on disk, and shown only once the result is.
    expect(order('append succeeded')).toBeGreaterThan(order('written verifying'));
    expect(order('append succeeded')).toBeGreaterThan(order('answer transaction'));
    expect(order('shown succeeded')).toBeGreaterThan(order('written succeeded'));
    expect(statusesOnDisk(rig.dir, sale.id).slice(-2)).toEqual(['verifying', 'succeeded']);
  });
});
