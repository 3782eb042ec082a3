import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Sale, SaleStatus } from '../../shared/domain.ts';
import { SaleStatus as SaleStatusSchema } from '../../shared/domain.ts';
import { awaitsServer, transition } from './sale-machine.ts';
import type { SaleEvent, SaleEventType, ServerRecord, Transition } from './sale-machine.ts';

const AT = '2026-11-29T10:00:00.000Z';
const LATER = '2026-11-29T10:05:00.000Z';
const URL = 'http://127.0.0.1:4010/checkout/tx_1';

function saleIn(status: SaleStatus, extra: Partial<Sale> = {}): Sale {
  const hasTxn = !['draft', 'initiating'].includes(status);
  const hasPage = ['awaiting_payment', 'verifying', 'unknown', 'cancelled'].includes(status);
  const settled = ['succeeded', 'failed', 'expired'].includes(status);
  return {
    id: 's1',
    reference: 'POS-0001',
    amountMinor: 34567,
    currency: 'INR',
    currencyId: 'c_inr',
    methodId: 'pm_card',
    methodName: 'Card',
    status,
    createdAt: AT,
    updatedAt: AT,
    flags: [],
    reviewed: false,
    demo: false,
    ...(hasTxn ? { txnId: 'tx_1' } : {}),
    ...(hasPage ? { checkoutUrl: URL } : {}),
    ...(settled ? { verifiedAt: AT } : {}),
    ...extra,
  };
}

const record = (status: ServerRecord['status'], extra: Partial<ServerRecord> = {}): ServerRecord => ({
  txnId: 'tx_1',
  referenceNumber: 'POS-0001',
  amountMinor: 34567,
  currency: 'INR',
  status,
  ...extra,
});

const error = { code: 'network', message: 'Could not reach KS Pay.' };

const EVENTS: Record<SaleEventType, SaleEvent> = {
  start: { type: 'start', at: LATER },
  initiated: {
    type: 'initiated',
    at: LATER,
    signature: 'SIG-SECRET',
    txnId: 'tx_1',
    providerOrderId: 'order_1',
  },
  initiate_refused: { type: 'initiate_refused', at: LATER, error },
  initiate_uncertain: { type: 'initiate_uncertain', at: LATER, error },
  processed: { type: 'processed', at: LATER, checkoutUrl: URL },
  process_refused: { type: 'process_refused', at: LATER, error },
  process_uncertain: { type: 'process_uncertain', at: LATER, error },
  retry_process: { type: 'retry_process', at: LATER, signature: 'SIG-SECRET' },
  redirect: { type: 'redirect', at: LATER, kspayId: 'tx_1', paymentStatus: 'success' },
  server_record: { type: 'server_record', at: LATER, record: record('succeeded') },
  not_found: { type: 'not_found', at: LATER, giveUp: false },
  check_failed: { type: 'check_failed', at: LATER, error },
  cancel: { type: 'cancel', at: LATER },
  check_requested: { type: 'check_requested', at: LATER },
  polling_stopped: { type: 'polling_stopped', at: LATER },
  resume: { type: 'resume', at: LATER },
};

/**
 * Every state × every event. A cell is "next status: effects" for an accepted event; a state left out of a
 * row refuses that event. Sales past `initiating` have a txnId; waiting ones a checkout page; a cancelled one is
 * not yet confirmed by the server.
 */
const TABLE: Record<SaleEventType, Partial<Record<SaleStatus, string>>> = {
  start: { draft: 'initiating: journal initiate' },
  initiated: { initiating: 'processing: journal process' },
  initiate_refused: { initiating: 'failed: journal' },
  initiate_uncertain: { initiating: 'unknown: journal lookup' },
  processed: { processing: 'awaiting_payment: journal watch' },
  process_refused: { processing: 'failed: journal' },
  process_uncertain: { processing: 'unknown: journal lookup' },
  retry_process: {},
  redirect: {
    awaiting_payment: 'verifying: journal verify',
    unknown: 'verifying: journal verify',
    cancelled: 'cancelled: verify',
  },
  server_record: {
    initiating: 'succeeded: journal stop_watching',
    processing: 'succeeded: journal stop_watching',
    awaiting_payment: 'succeeded: journal stop_watching',
    verifying: 'succeeded: journal stop_watching',
    unknown: 'succeeded: journal stop_watching',
    cancelled: 'cancelled: journal stop_watching',
  },
  not_found: { initiating: 'unknown: journal watch' },
  check_failed: {
    initiating: 'unknown: journal watch',
    processing: 'unknown: journal watch',
    verifying: 'awaiting_payment: journal watch',
    unknown: 'unknown: journal watch',
  },
  cancel: {
    awaiting_payment: 'cancelled: journal watch',
    verifying: 'cancelled: journal watch',
    unknown: 'cancelled: journal watch',
  },
  check_requested: {
    awaiting_payment: 'verifying: journal verify',
    unknown: 'verifying: journal verify',
    cancelled: 'cancelled: verify',
  },
  polling_stopped: { awaiting_payment: 'unknown: journal stop_watching' },
  resume: {
    initiating: 'unknown: journal lookup',
    processing: 'unknown: journal lookup',
    verifying: 'verifying: verify',
    awaiting_payment: 'awaiting_payment: watch',
    unknown: 'unknown: lookup',
    cancelled: 'cancelled: watch',
  },
};

function describeOutcome(t: Transition): string {
  return t.accepted ? `${t.state.status}: ${t.effects.map((e) => e.type).join(' ')}` : 'refused';
}

describe('transition: every state × every event', () => {
  const cells = SaleStatusSchema.options.flatMap((status) =>
    (Object.keys(EVENTS) as SaleEventType[]).map(
      (event) => [status, event, TABLE[event][status] ?? 'refused'] as const,
    ),
  );

  it.each(cells)('%s + %s → %s', (status, event, expected) => {
    const before = saleIn(status);
    const result = transition(before, EVENTS[event]);
    expect(describeOutcome(result)).toBe(expected);
    if (!result.accepted) {
      expect(result.state).toBe(before);
      expect(result.reason).not.toBe('');
    } else if (result.state !== before) {
      // Any change is journaled first, with the event's time.
      expect(result.effects[0]?.type).toBe('journal');
      expect(result.state.updatedAt).toBe(LATER);
    } else {
      expect(result.effects.some((e) => e.type === 'journal')).toBe(false);
    }
  });
});

describe('transition rules', () => {
  it('never puts the signature in the sale, only in the process effect', () => {
    const result = transition(saleIn('initiating'), EVENTS.initiated);
    expect(JSON.stringify(result.state)).not.toContain('SIG-SECRET');
    expect(result.accepted && result.effects).toContainEqual({ type: 'process', signature: 'SIG-SECRET' });
    expect(result.state).toMatchObject({ txnId: 'tx_1', providerOrderId: 'order_1' });
  });

  it('keeps the checkout page and the txnId it learns along the way', () => {
    const processed = transition(saleIn('processing', { txnId: undefined }), {
      ...EVENTS.processed,
      type: 'processed',
      checkoutUrl: URL,
      txnId: 'tx_9',
    });
    expect(processed.state).toMatchObject({ status: 'awaiting_payment', checkoutUrl: URL, txnId: 'tx_9' });
  });

  it('ignores a redirect whose kspay_id is another payment', () => {
    const result = transition(saleIn('awaiting_payment'), {
      type: 'redirect',
      at: LATER,
      kspayId: 'tx_other',
      paymentStatus: 'success',
    });
    expect(result).toMatchObject({ accepted: false, reason: 'the redirect is about another payment' });
  });

  it("verifies the redirect's own ID when the sale has no txnId yet, so the reference check decides", () => {
    const result = transition(saleIn('awaiting_payment', { txnId: undefined }), {
      type: 'redirect',
      at: LATER,
      kspayId: 'tx_7',
      paymentStatus: 'failed',
    });
    expect(result.accepted && result.effects).toContainEqual({
      type: 'verify',
      txnId: 'tx_7',
      redirectSaid: 'failed',
      fromRedirect: true,
    });
  });

  it.each([
    ['another reference', { referenceNumber: 'POS-OTHER' }, 'awaiting_payment'],
    ['another amount', { amountMinor: 1 }, 'awaiting_payment'],
    ['another currency', { currency: 'USD' }, 'awaiting_payment'],
  ] as const)(
    'ignores a redirect-named record with %s for a sale with no txnId, and keeps watching it',
    (_what, changes, back) => {
      const sale = saleIn('verifying', { txnId: undefined });
      const result = transition(sale, {
        type: 'server_record',
        at: LATER,
        record: record('succeeded', { txnId: 'tx_9', ...changes }),
        fromRedirect: true,
      });
      expect(result.accepted).toBe(true);
      expect(result.state).toEqual({ ...sale, status: back, updatedAt: LATER });
      expect(result.accepted && result.effects.map((effect) => effect.type)).toEqual(['journal', 'watch']);
    },
  );

  it('ignores a foreign record a redirect named even when a poll taught the sale its own txnId meanwhile', () => {
    const sale = saleIn('awaiting_payment');
    const result = transition(sale, {
      type: 'server_record',
      at: LATER,
      record: record('succeeded', { txnId: 'tx_9', referenceNumber: 'POS-OTHER' }),
      fromRedirect: true,
    });
    expect(result.state).toBe(sale);
    expect(result.accepted && result.effects).toEqual([{ type: 'watch' }]);
  });

  it('still settles a sale with no txnId on the matching record a redirect named', () => {
    const sale = saleIn('verifying', { txnId: undefined });
    const result = transition(sale, {
      type: 'server_record',
      at: LATER,
      record: record('succeeded', { txnId: 'tx_9' }),
      fromRedirect: true,
    });
    expect(result.state).toMatchObject({ status: 'succeeded', txnId: 'tx_9', flags: [] });
  });

  it('never lets a redirect-named record of another sale settle a cancelled sale with no txnId', () => {
    const sale = saleIn('cancelled', { txnId: undefined });
    const result = transition(sale, {
      type: 'server_record',
      at: LATER,
      record: record('succeeded', { txnId: 'tx_9', amountMinor: 1 }),
      fromRedirect: true,
    });
    expect(result.accepted).toBe(false);
  });

  it('fails a sale on a record of another transaction, as a reference mismatch', () => {
    const result = transition(saleIn('verifying'), {
      type: 'server_record',
      at: LATER,
      record: record('succeeded', { txnId: 'tx_2' }),
    });
    expect(result.state).toMatchObject({ status: 'failed', flags: ['reference_mismatch'], txnId: 'tx_1' });
  });

  it('keeps watching a cancelled sale when a record of another transaction turns up', () => {
    expect(
      transition(saleIn('cancelled'), {
        type: 'server_record',
        at: LATER,
        record: record('succeeded', { txnId: 'tx_2' }),
      }).accepted,
    ).toBe(false);
  });

  it('asks for a lost payment page once more only for an open payment that never showed one', () => {
    const lost = saleIn('unknown', {
      checkoutUrl: undefined,
      error: { code: 'payment_page_lost', message: 'x' },
    });
    const result = transition(lost, EVENTS.retry_process);
    expect(describeOutcome(result)).toBe('processing: journal process');
    expect(result.state.error).toBeUndefined();
    expect(
      transition(saleIn('unknown', { checkoutUrl: undefined, txnId: undefined }), EVENTS.retry_process)
        .accepted,
    ).toBe(false);
  });

  it.each([
    ['amount', record('succeeded', { amountMinor: 34568 }), 'amount_mismatch', /₹345\.68.*not ₹345\.67/],
    ['currency', record('succeeded', { currency: 'USD' }), 'currency_mismatch', /USD, not INR/],
    [
      'reference',
      record('succeeded', { referenceNumber: 'POS-9999' }),
      'reference_mismatch',
      /another reference/,
    ],
  ])(
    'fails a sale whose record differs in %s, with a flag and a plain message',
    (_what, rec, flag, message) => {
      const result = transition(saleIn('verifying'), {
        type: 'server_record',
        at: LATER,
        record: rec,
        redirectSaid: 'success',
      });
      expect(result.state).toMatchObject({
        status: 'failed',
        flags: [flag],
        verifiedAt: LATER,
        error: { code: flag },
      });
      expect(result.state.error?.message).toMatch(message);
      expect(result.state.error?.message).toMatch(/Do not hand over the goods/);
    },
  );

  it('fails a sale whose record mismatches even while it is still pending', () => {
    const result = transition(saleIn('awaiting_payment'), {
      type: 'server_record',
      at: LATER,
      record: record('pending', { amountMinor: 1 }),
    });
    expect(result.state).toMatchObject({ status: 'failed', flags: ['amount_mismatch'] });
  });

  it("keeps none of a wrong-reference record's identifiers", () => {
    const result = transition(saleIn('verifying', { txnId: undefined }), {
      type: 'server_record',
      at: LATER,
      record: record('succeeded', {
        txnId: 'tx_someone_else',
        referenceNumber: 'OTHER-1',
        providerPaymentId: 'pay_x',
      }),
    });
    expect(result.state.txnId).toBeUndefined();
    expect(result.state.providerPaymentId).toBeUndefined();
  });

  it.each([
    ['failed', 'failed', 'redirect_lied'],
    ['cancelled', 'cancelled', 'redirect_lied'],
    ['expired', 'expired', 'redirect_lied'],
  ] as const)(
    'flags redirect_lied when the redirect said success but the record says %s',
    (serverStatus, status, flag) => {
      const result = transition(saleIn('verifying'), {
        type: 'server_record',
        at: LATER,
        record: record(serverStatus),
        redirectSaid: 'success',
      });
      expect(result.state).toMatchObject({ status, flags: [flag], error: { code: 'redirect_lied' } });
    },
  );

  it.each([
    ['failed', 'payment_failed'],
    ['cancelled', 'payment_cancelled'],
    ['expired', 'payment_expired'],
  ] as const)('settles an honest %s record with a plain message', (serverStatus, code) => {
    const result = transition(saleIn('awaiting_payment'), {
      type: 'server_record',
      at: LATER,
      record: record(serverStatus),
    });
    expect(result.state).toMatchObject({
      status: serverStatus,
      flags: [],
      error: { code },
      verifiedAt: LATER,
    });
  });

  it('goes back to waiting when the redirect said success but KS Pay has not settled yet', () => {
    const result = transition(saleIn('verifying'), {
      type: 'server_record',
      at: LATER,
      record: record('pending'),
      redirectSaid: 'success',
    });
    expect(describeOutcome(result)).toBe('awaiting_payment: journal watch');
    expect(result.state.flags).toEqual([]);
  });

  it('keeps watching without writing anything when a poll finds the payment still open', () => {
    const before = saleIn('awaiting_payment');
    const result = transition(before, { type: 'server_record', at: LATER, record: record('pending') });
    expect(result).toEqual({ accepted: true, state: before, effects: [{ type: 'watch' }] });
  });

  it('says the page was lost when a sale found after a crash is open on the server but never showed a page', () => {
    const result = transition(saleIn('unknown', { txnId: undefined, checkoutUrl: undefined }), {
      type: 'server_record',
      at: LATER,
      record: record('pending'),
    });
    expect(result.state).toMatchObject({
      status: 'unknown',
      txnId: 'tx_1',
      error: { code: 'payment_page_lost' },
    });
    expect(result.accepted && result.effects.map((e) => e.type)).toEqual(['journal', 'watch']);
  });

  it('resumes waiting with a page the server record itself names', () => {
    const result = transition(saleIn('unknown', { checkoutUrl: undefined }), {
      type: 'server_record',
      at: LATER,
      record: record('pending', { checkoutUrl: URL }),
    });
    expect(result.state).toMatchObject({ status: 'awaiting_payment', checkoutUrl: URL });
    expect(result.state.error).toBeUndefined();
  });

  it('flags a payment made after the cancel for the manager, and keeps the sale cancelled', () => {
    const result = transition(saleIn('cancelled'), {
      type: 'server_record',
      at: LATER,
      record: record('succeeded', { providerPaymentId: 'pay_1' }),
    });
    expect(result.state).toMatchObject({
      status: 'cancelled',
      flags: ['paid_after_cancel'],
      verifiedAt: LATER,
      providerPaymentId: 'pay_1',
      error: { code: 'paid_after_cancel' },
    });
  });

  it('confirms a cancelled sale that KS Pay never charged, and stops watching it', () => {
    const result = transition(saleIn('cancelled'), {
      type: 'server_record',
      at: LATER,
      record: record('expired'),
    });
    expect(result.state).toMatchObject({ status: 'cancelled', flags: [], verifiedAt: LATER });
    expect(awaitsServer(result.state)).toBe(false);
    expect(
      transition(saleIn('cancelled'), { type: 'server_record', at: LATER, record: record('pending') })
        .accepted,
    ).toBe(false);
  });

  it('settles nothing twice: a confirmed cancelled sale refuses further records and redirects', () => {
    const confirmed = saleIn('cancelled', { verifiedAt: AT });
    expect(transition(confirmed, EVENTS.server_record).accepted).toBe(false);
    expect(transition(confirmed, EVENTS.redirect).accepted).toBe(false);
    expect(transition(confirmed, EVENTS.resume).accepted).toBe(false);
  });

  it('fails a payment KS Pay never received only when told to give up, and says nothing was charged', () => {
    const lost = saleIn('unknown', { txnId: undefined, checkoutUrl: undefined });
    const wait = transition(lost, { type: 'not_found', at: LATER, giveUp: false });
    expect(wait.state).toMatchObject({ status: 'unknown', error: { code: 'not_found_yet' } });
    expect(transition(wait.state, { type: 'not_found', at: LATER, giveUp: false }).accepted).toBe(false);
    const gaveUp = transition(lost, { type: 'not_found', at: LATER, giveUp: true });
    expect(gaveUp.state).toMatchObject({ status: 'failed', error: { code: 'not_started' } });
    expect(gaveUp.state.error?.message).toMatch(/nothing was charged/);
  });

  describe('a sale whose start got no reply at all (the connection failed before KS Pay answered)', () => {
    const starting = saleIn('initiating', { txnId: undefined, checkoutUrl: undefined });
    const unanswered = transition(starting, {
      type: 'initiate_uncertain',
      at: LATER,
      error,
      unanswered: true,
    });

    it('is remembered as unanswered, and looked up', () => {
      expect(unanswered.state).toMatchObject({ status: 'unknown', startUnanswered: true });
      expect(unanswered.accepted && unanswered.effects.map((effect) => effect.type)).toEqual([
        'journal',
        'lookup',
      ]);
    });

    it('keeps being looked up by itself while KS Pay cannot be reached, and while it has no record yet', () => {
      const lookupFailed = transition(unanswered.state, {
        type: 'check_failed',
        at: LATER,
        error: { code: 'check_failed', message: 'KS Pay cannot be reached.' },
      });
      expect(lookupFailed.accepted && lookupFailed.effects.map((effect) => effect.type)).toContain('watch');
      const notYet = transition(unanswered.state, { type: 'not_found', at: LATER, giveUp: false });
      expect(notYet.state).toMatchObject({ status: 'unknown', error: { code: 'not_found_yet' } });
      expect(notYet.accepted && notYet.effects.map((effect) => effect.type)).toContain('watch');
    });

    it('is closed as "Not charged: KS Pay could not be reached" once KS Pay, answering, has no record of it', () => {
      const closed = transition(unanswered.state, { type: 'not_found', at: LATER, giveUp: true });
      expect(closed.state).toMatchObject({ status: 'failed', error: { code: 'not_reached' } });
      expect(closed.state.error?.message).toMatch(
        /^KS Pay could not be reached when this sale started.+Nothing was taken/,
      );
      expect(closed.accepted && closed.effects.map((effect) => effect.type)).toEqual([
        'journal',
        'stop_watching',
      ]);
    });

    it('follows the transaction when KS Pay does have one: the request was sent and only its reply was lost', () => {
      const found = transition(unanswered.state, {
        type: 'server_record',
        at: LATER,
        record: {
          txnId: 'tx_Lost',
          referenceNumber: starting.reference,
          amountMinor: starting.amountMinor,
          currency: starting.currency,
          status: 'pending',
        },
      });
      expect(found.state.status).not.toBe('failed');
      expect(found.state.txnId).toBe('tx_Lost');
    });

    it('is not said to be unreachable when KS Pay answered with an error (a 500 is an answer)', () => {
      const answered = transition(starting, { type: 'initiate_uncertain', at: LATER, error });
      expect(answered.state.startUnanswered).toBeUndefined();
      const closed = transition(answered.state, { type: 'not_found', at: LATER, giveUp: true });
      expect(closed.state).toMatchObject({ status: 'failed', error: { code: 'not_started' } });
    });
  });

  it('never gives up on a sale KS Pay gave a transaction ID', () => {
    expect(transition(saleIn('unknown'), { type: 'not_found', at: LATER, giveUp: true }).accepted).toBe(
      false,
    );
  });

  it('confirms an unconfirmed cancel without a txnId once KS Pay never received it (nothing proves it did)', () => {
    const result = transition(saleIn('cancelled', { txnId: undefined, checkoutUrl: undefined }), {
      type: 'not_found',
      at: LATER,
      giveUp: true,
    });
    expect(result.state).toMatchObject({ status: 'cancelled', verifiedAt: LATER });
  });

  describe('a sale KS Pay answered for, with no txnId', () => {
    const evidence: [string, Partial<Sale>][] = [
      ['a signature', { serverEvidence: 'signature', checkoutUrl: undefined }],
      ['a checkout URL', { serverEvidence: 'checkout_url' }],
      ['a checkout URL journaled before evidence was recorded', {}],
      ['an order ID', { providerOrderId: 'order_1', checkoutUrl: undefined }],
    ];

    it.each(evidence)('is never concluded not received when only %s proves it', (_what, extra) => {
      const result = transition(saleIn('unknown', { txnId: undefined, ...extra }), {
        type: 'not_found',
        at: LATER,
        giveUp: true,
      });
      expect(result.state.status).toBe('unknown');
      expect(result.accepted && result.effects.map((effect) => effect.type)).not.toContain('stop_watching');
    });

    it.each(evidence)('keeps an unconfirmed cancel watched when %s proves it', (_what, extra) => {
      const sale = saleIn('cancelled', { txnId: undefined, ...extra });
      const result = transition(sale, { type: 'not_found', at: LATER, giveUp: true });
      expect(result.accepted).toBe(false);
      expect(result.state.verifiedAt).toBeUndefined();
    });

    it('records the signature as evidence as soon as initiate answers', () => {
      const result = transition(saleIn('initiating'), { type: 'initiated', at: LATER, signature: 'sig' });
      expect(result.state).toMatchObject({ status: 'processing', serverEvidence: 'signature' });
    });
  });

  it('looks a sale without a txnId up by reference when asked to check', () => {
    const result = transition(saleIn('unknown', { txnId: undefined }), EVENTS.check_requested);
    expect(result).toMatchObject({ accepted: true, effects: [{ type: 'lookup' }] });
  });

  it('refuses to cancel while the payment is being set up, with a reason', () => {
    expect(transition(saleIn('initiating'), EVENTS.cancel)).toMatchObject({
      accepted: false,
      reason: 'the payment is still being set up',
    });
  });
});

describe('transition invariants over any sequence of events', () => {
  const anyRecord = fc.record({
    txnId: fc.constantFrom('tx_1', 'tx_2'),
    referenceNumber: fc.constantFrom('POS-0001', 'POS-0002'),
    amountMinor: fc.constantFrom(34567, 1),
    currency: fc.constantFrom('INR', 'USD'),
    status: fc.constantFrom('succeeded', 'failed', 'cancelled', 'expired', 'pending' as const),
  });
  const anyEvent: fc.Arbitrary<SaleEvent> = fc.oneof(
    fc.constantFrom(...Object.values(EVENTS)),
    anyRecord.map((rec): SaleEvent => ({
      type: 'server_record',
      at: LATER,
      record: rec,
      redirectSaid: 'success',
    })),
    fc.boolean().map((giveUp): SaleEvent => ({ type: 'not_found', at: LATER, giveUp })),
    fc
      .constantFrom('tx_1', 'tx_2')
      .map((kspayId): SaleEvent => ({ type: 'redirect', at: LATER, kspayId, paymentStatus: 'success' })),
  );

  it('opens a payment at most once, asks for its page only when it is open, and never stores a signature', () => {
    fc.assert(
      fc.property(fc.array(anyEvent, { maxLength: 40 }), (events) => {
        let sale = saleIn('draft');
        let initiates = 0;
        for (const event of events) {
          const result = transition(sale, event);
          if (result.accepted) {
            for (const effect of result.effects) {
              if (effect.type === 'initiate') initiates += 1;
              if (effect.type === 'process') {
                // Right after the payment opened, or once more for an open payment whose page was lost.
                if (sale.status !== 'initiating')
                  expect(sale).toMatchObject({ status: 'unknown', txnId: 'tx_1', checkoutUrl: undefined });
              }
            }
            if (result.state !== sale) expect(result.effects[0]?.type).toBe('journal');
          }
          sale = result.state;
          expect(JSON.stringify(sale)).not.toContain('SIG-SECRET');
        }
        expect(initiates).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('never changes a settled sale again, except to flag a payment made after a cancel', () => {
    fc.assert(
      fc.property(fc.array(anyEvent, { maxLength: 40 }), (events) => {
        let sale = saleIn('draft');
        for (const event of events) {
          const before = sale;
          sale = transition(sale, event).state;
          if (before.verifiedAt !== undefined && before.status !== 'cancelled') expect(sale).toBe(before);
          if (before.status !== sale.status && ['succeeded', 'failed', 'expired'].includes(before.status))
            throw new Error('a final sale changed status');
          if (before.status === 'cancelled') expect(sale.status).toBe('cancelled');
        }
      }),
    );
  });

  it('calls a sale succeeded only on a matching record that says so', () => {
    fc.assert(
      fc.property(fc.array(anyEvent, { maxLength: 40 }), (events) => {
        let sale = saleIn('draft');
        for (const event of events) {
          const result = transition(sale, event);
          if (result.state.status === 'succeeded' && sale.status !== 'succeeded') {
            expect(event.type).toBe('server_record');
            if (event.type === 'server_record') {
              expect(event.record).toMatchObject({
                status: 'succeeded',
                referenceNumber: sale.reference,
                amountMinor: sale.amountMinor,
                currency: sale.currency,
              });
            }
          }
          sale = result.state;
        }
      }),
    );
  });
});
