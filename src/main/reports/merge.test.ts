import { describe, expect, it } from 'vitest';
import { mergeTransactions } from './merge.ts';
import { sale, txn } from './testing/test-data.ts';

const listedAt = '2026-11-01T12:00:00.000Z';

describe('mergeTransactions', () => {
  it('matches a sale to its server record by transaction id and shows one row from both', () => {
    const rows = mergeTransactions(
      [sale({ id: 's1', reference: 'POS-1', txnId: 'tx_1', cashier: 'Asha' })],
      [txn({ txnId: 'tx_1', referenceNumber: 'POS-1' })],
      listedAt,
    );
    expect(rows).toEqual([
      expect.objectContaining({
        key: 'sale:s1',
        source: 'both',
        status: 'succeeded',
        serverStatus: 'succeeded',
        terminalStatus: 'succeeded',
        txnId: 'tx_1',
        cashier: 'Asha',
        mismatch: false,
        flags: [],
        saleId: 's1',
      }),
    ]);
  });

  it('matches by reference when the terminal never learned the transaction id (a timed-out initiate)', () => {
    const rows = mergeTransactions(
      [sale({ id: 's1', reference: 'POS-9', status: 'unknown' })],
      [txn({ txnId: 'tx_9', referenceNumber: 'POS-9', status: 'pending' })],
      listedAt,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      source: 'both',
      txnId: 'tx_9',
      status: 'unknown',
      serverStatus: 'awaiting_payment',
      mismatch: false,
    });
  });

  it('lets the transaction id win over a reference, so one record never serves two sales', () => {
    const rows = mergeTransactions(
      [sale({ id: 'a', reference: 'POS-X' }), sale({ id: 'b', reference: 'POS-Y', txnId: 'tx_1' })],
      [txn({ txnId: 'tx_1', referenceNumber: 'POS-X' })],
      listedAt,
    );
    const a = rows.find((r) => r.saleId === 'a');
    const b = rows.find((r) => r.saleId === 'b');
    expect(a).toMatchObject({ source: 'terminal' });
    expect(b).toMatchObject({ source: 'both', mismatch: true });
    expect(b?.flags).toContain('reference_mismatch');
  });

  it('lists server records the terminal never made, and sales the server never saw', () => {
    const rows = mergeTransactions(
      [
        sale({ id: 'local', reference: 'POS-L', status: 'draft' }),
        sale({ id: 'lost', reference: 'POS-Z', txnId: 'tx_gone' }),
      ],
      [txn({ txnId: 'tx_web', referenceNumber: 'WEB-1', method: 'CARD', createdAt: undefined })],
      listedAt,
    );
    expect(rows.find((r) => r.key === 'txn:tx_web')?.saleId).toBeUndefined();
    expect(rows.find((r) => r.key === 'txn:tx_web')).toMatchObject({
      source: 'server',
      reference: 'WEB-1',
      method: 'CARD',
      time: listedAt,
      mismatch: false,
    });
    // A draft never reached the server: no disagreement. A sale with a server id that the server lacks is one.
    expect(rows.find((r) => r.saleId === 'local')).toMatchObject({ source: 'terminal', mismatch: false });
    expect(rows.find((r) => r.saleId === 'lost')).toMatchObject({ source: 'terminal', mismatch: true });
  });

  it('flags a sale paid after the terminal cancelled it and shows the server outcome', () => {
    const [row] = mergeTransactions(
      [sale({ id: 's', txnId: 'tx_1', status: 'cancelled' })],
      [txn({ txnId: 'tx_1', referenceNumber: 'POS-s', status: 'succeeded' })],
      listedAt,
    );
    expect(row).toMatchObject({
      status: 'succeeded',
      serverStatus: 'succeeded',
      terminalStatus: 'cancelled',
      mismatch: true,
    });
    expect(row?.flags).toEqual(['paid_after_cancel']);
  });

  it('flags amount and currency differences', () => {
    const [row] = mergeTransactions(
      [sale({ id: 's', txnId: 'tx_1' })],
      [txn({ txnId: 'tx_1', referenceNumber: 'POS-s', amountMinor: 10001, currency: 'USD' })],
      listedAt,
    );
    expect(row?.mismatch).toBe(true);
    expect(row?.flags.sort()).toEqual(['amount_mismatch', 'currency_mismatch']);
    // The row keeps what the terminal charged; the detail shows the server's record.
    expect(row).toMatchObject({ amountMinor: 10000, currency: 'INR' });
  });

  it('keeps the terminal status while the server is still waiting, and flags a final terminal status against it', () => {
    const [waiting] = mergeTransactions(
      [sale({ id: 'w', txnId: 'tx_w', status: 'awaiting_payment' })],
      [txn({ txnId: 'tx_w', referenceNumber: 'POS-w', status: 'pending' })],
      listedAt,
    );
    expect(waiting).toMatchObject({ status: 'awaiting_payment', mismatch: false });
    const [cancelled] = mergeTransactions(
      [sale({ id: 'c', txnId: 'tx_c', status: 'cancelled' })],
      [txn({ txnId: 'tx_c', referenceNumber: 'POS-c', status: 'pending' })],
      listedAt,
    );
    expect(cancelled).toMatchObject({
      status: 'cancelled',
      serverStatus: 'awaiting_payment',
      mismatch: true,
    });
  });

  it('keeps flags the sale engine already raised', () => {
    const [row] = mergeTransactions(
      [sale({ id: 's', flags: ['redirect_lied'], status: 'failed' })],
      [],
      listedAt,
    );
    expect(row?.flags).toEqual(['redirect_lied']);
  });

  it('orders rows by time, oldest first, comparing instants', () => {
    const rows = mergeTransactions(
      [
        sale({ id: 'late', createdAt: '2026-11-01T11:00:00.000+05:30' }),
        sale({ id: 'early', createdAt: '2026-11-01T09:00:00.000+05:30' }),
      ],
      [txn({ txnId: 'tx_mid', referenceNumber: 'WEB-2', createdAt: '2026-11-01T04:30:00.000Z' })],
      listedAt,
    );
    expect(rows.map((r) => r.key)).toEqual(['sale:early', 'txn:tx_mid', 'sale:late']);
  });
});
