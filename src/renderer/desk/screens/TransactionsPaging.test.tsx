// The Transactions screen over a listing main hands out in pages: the newest rows show at once, the rest
// are appended as they arrive, and a refresh never shrinks the list on screen while its pages arrive.
import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { PosError } from '../../../shared/pos-error.ts';
import { startDesk } from '../index.tsx';
import { useDeskTransactions } from '../stores/index.ts';
import { renderDesk, row } from '../test/render-desk.tsx';

const rows = Array.from({ length: 5 }, (_, i) =>
  row({ reference: `WEB-${i}`, time: `2026-11-01T1${i}:00:00.000+05:30`, source: 'server' }),
);
const own = row({ reference: 'POS-1', time: '2026-11-01T09:00:00.000+05:30', source: 'terminal' });

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

describe('Transactions in pages', () => {
  it('shows the first page at once, says how many are still on their way, then appends the rest', async () => {
    const rest = deferred();
    const { fake } = renderDesk({
      'reports.transactions': () => ({ rows: rows.slice(3), listing: 'listing-1', total: 5 }),
      'reports.transactionsPage': async ({ offset }) => {
        await rest.promise;
        return { rows: rows.slice(0, 5 - offset), listing: 'listing-1', total: 5 };
      },
    });
    expect(await screen.findByText('2 transactions')).toBeInTheDocument();
    expect(
      screen.getByText('The newest 2 of 5 transactions are listed; the rest are on their way…'),
    ).toHaveAttribute('role', 'status');
    rest.resolve();
    expect(await screen.findByText('5 transactions')).toBeInTheDocument();
    expect(screen.queryByText(/on their way/)).toBeNull();
    expect(fake.callsTo('reports.transactionsPage')[0]).toEqual({
      listing: 'listing-1',
      offset: 2,
      limit: 25000,
    });
  });

  it("keeps main's last listing on screen while the refreshed one arrives, then shows the refreshed one whole", async () => {
    const rest = deferred();
    renderDesk({
      'reports.transactions': (input) =>
        input?.server === 'cached'
          ? { rows: rows.slice(0, 4), serverAsOf: '2026-11-01T09:30:00.000Z' }
          : { rows: rows.slice(4), listing: 'listing-2', total: 5 },
      'reports.transactionsPage': async () => {
        await rest.promise;
        return { rows: rows.slice(0, 4), listing: 'listing-2', total: 5 };
      },
    });
    expect(await screen.findByText('4 transactions')).toBeInTheDocument();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.getByText('4 transactions')).toBeInTheDocument();
    expect(screen.getByText(/checking for newer ones/)).toBeInTheDocument();
    rest.resolve();
    expect(await screen.findByText('5 transactions')).toBeInTheDocument();
  });

  it('shows the newest of the pages main has read during its first listing, and says it is still reading', async () => {
    const listed = deferred();
    const main = { listing: false };
    renderDesk({
      'reports.transactions': async (input) => {
        if (input?.server === 'cached')
          return main.listing
            ? { rows: rows.slice(4), serverIncomplete: true as const, total: 3 }
            : { rows: [] };
        main.listing = true;
        await listed.promise;
        return { rows, serverAsOf: '2026-11-01T10:00:00.000Z' };
      },
    });
    expect(
      await screen.findByText(
        'The newest 1 of the 3 transactions read so far are listed; KS Pay is still sending the rest…',
        {},
        { timeout: 4000 },
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('1 transaction')).toBeInTheDocument();
    expect(screen.queryByText(/loading the KS Pay server's records/)).toBeNull();
    listed.resolve();
    expect(await screen.findByText('5 transactions')).toBeInTheDocument();
    expect(screen.queryByText(/read so far/)).toBeNull();
  });

  it('joins the listing the desk started when the PIN was confirmed instead of asking main again', async () => {
    const { fake } = renderDesk({
      'reports.transactions': (input) =>
        input?.server === 'cached'
          ? { rows: rows.slice(4), serverAsOf: '2026-11-01T09:30:00.000Z' }
          : { rows, serverAsOf: '2026-11-01T10:00:00.000Z' },
    });
    expect(await screen.findByText('5 transactions')).toBeInTheDocument();
    await vi.waitFor(() => expect(useDeskTransactions.getState().loading).toBe(false));
    // Opened again in the same page: the sale screen's startDesk, then the screen's mount. One refresh.
    const started = startDesk();
    await useDeskTransactions.getState().open();
    await started;
    expect(fake.callsTo('reports.transactions')).toEqual([
      { server: 'cached', pageSize: 2000 },
      { server: 'fresh', pageSize: 2000 },
      { server: 'fresh', pageSize: 2000 },
    ]);
  });

  it('keeps asking soon for the rows read so far until main has read its first page', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const listed = deferred();
    try {
      let polls = 0;
      const { fake } = renderDesk({
        'reports.transactions': async (input) => {
          if (input?.server !== 'cached') {
            await listed.promise;
            return { rows, serverAsOf: '2026-11-01T10:00:00.000Z' };
          }
          // The desk's first call, then a poll while main signs in (its listing has begun, no page yet), then
          // one after its first page: the terminal's own sale in every answer, the server's row in the last.
          polls += 1;
          if (polls === 1) return { rows: [own] };
          if (polls === 2) return { rows: [own], serverIncomplete: true as const, total: 1 };
          return { rows: [own, ...rows.slice(4)], serverIncomplete: true as const, total: 2 };
        },
      });
      const cachedCalls = () =>
        fake.callsTo('reports.transactions').filter((c) => (c as { server?: string }).server === 'cached')
          .length;
      await vi.advanceTimersByTimeAsync(150);
      await vi.advanceTimersByTimeAsync(150);
      expect(cachedCalls()).toBe(3);
      expect(screen.getByText('2 transactions')).toBeInTheDocument();
      // Once rows are shown, the next ask waits the longer interval.
      await vi.advanceTimersByTimeAsync(1_000);
      expect(cachedCalls()).toBe(3);
    } finally {
      listed.resolve();
      vi.useRealTimers();
    }
    expect(await screen.findByText('5 transactions')).toBeInTheDocument();
  });

  it('says the list changed when main no longer keeps the listing being read', async () => {
    renderDesk({
      'reports.transactions': () => ({ rows: rows.slice(3), listing: 'listing-1', total: 5 }),
      'reports.transactionsPage': () => {
        throw new PosError(
          'not_found',
          'The transaction list changed while it was loading. Open Transactions again to load the new list.',
        );
      },
    });
    expect(await screen.findByText(/changed while it was loading/)).toBeInTheDocument();
  });
});
