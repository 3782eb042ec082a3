import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeSale } from '../../test/fake-pos.ts';
import { renderDesk, row } from '../test/render-desk.tsx';

const rows = [
  row({
    reference: 'POS-A1',
    time: '2026-11-01T09:00:00.000+05:30',
    amountMinor: 34567,
    txnId: 'tx_alpha',
    saleId: 's1',
    cashier: 'Asha',
  }),
  row({
    reference: 'POS-A2',
    time: '2026-11-01T11:00:00.000+05:30',
    amountMinor: 500,
    currency: 'JPY',
    method: 'CARD',
    status: 'failed',
    saleId: 's2',
  }),
  row({
    reference: 'POS-A3',
    time: '2026-11-01T12:00:00.000+05:30',
    amountMinor: 1200,
    status: 'succeeded',
    serverStatus: 'succeeded',
    terminalStatus: 'cancelled',
    mismatch: true,
    flags: ['paid_after_cancel'],
    txnId: 'tx_gamma',
    saleId: 's3',
  }),
  row({
    reference: 'WEB-9',
    time: '2026-11-01T13:00:00.000+05:30',
    source: 'server',
    txnId: 'tx_web',
    method: 'NET BANKING',
  }),
];

const bodyRows = () =>
  within(screen.getByRole('table', { name: 'Transactions' }))
    .getAllByRole('row')
    .filter((r) => r.closest('tbody') && !r.getAttribute('aria-hidden'));
const references = () => bodyRows().map((r) => within(r).getAllByRole('cell')[1]?.textContent);

describe('Transactions', () => {
  beforeEach(() => {
    URL.createObjectURL = vi.fn(() => 'blob:desk-test');
    URL.revokeObjectURL = vi.fn();
  });
  afterEach(() => vi.restoreAllMocks());

  it('shows every merged row in a table with the named columns, newest first, and a live count', async () => {
    renderDesk({ 'reports.transactions': () => ({ rows }) });
    expect(await screen.findByText('4 transactions')).toHaveAttribute('aria-live', 'polite');
    for (const name of [
      'Time',
      'Reference',
      'Amount',
      'Currency',
      'Method',
      'Status',
      'Transaction ID',
      'Cashier',
      'Terminal',
    ]) {
      expect(screen.getByRole('columnheader', { name })).toBeInTheDocument();
    }
    expect(screen.getByRole('columnheader', { name: 'Time' })).toHaveAttribute('aria-sort', 'descending');
    expect(references()).toEqual(['WEB-9', 'POS-A3', 'POS-A2', 'POS-A1']);
    expect(within(bodyRows()[3]!).getByText('345.67')).toBeInTheDocument();
  });

  it('counts the rows marked Differs beside the count of rows, so the two always agree', async () => {
    const differing = [
      ...rows,
      row({
        reference: 'POS-D1',
        status: 'failed',
        serverStatus: 'failed',
        terminalStatus: 'expired',
        mismatch: true,
      }),
    ];
    const { user } = renderDesk({ 'reports.transactions': () => ({ rows: differing }) });
    await screen.findByText('5 transactions');
    expect(
      screen.getByText(
        '2 of them differ between this terminal and KS Pay (marked Differs; Only differences shows just those).',
      ),
    ).toBeInTheDocument();
    const flagged = bodyRows().filter((r) => r.querySelector('.flag'));
    expect(flagged).toHaveLength(2);
    await user.type(screen.getByRole('searchbox', { name: /Search/ }), 'POS-D1');
    expect(await screen.findByText('1 transaction')).toBeInTheDocument();
    expect(screen.getByText(/^1 of it differs between/)).toBeInTheDocument();
  });

  it('flags a row where KS Pay and the terminal disagree, showing both statuses', async () => {
    renderDesk({ 'reports.transactions': () => ({ rows }) });
    await screen.findByText('4 transactions');
    const flagged = bodyRows().find((r) => r.textContent?.includes('POS-A3'));
    // Paid after it was cancelled at the counter reads so here too, as on the counter and the receipt.
    expect(flagged).toHaveTextContent('Paid after cancel');
    expect(flagged).toHaveTextContent('Terminal: Cancelled');
  });

  it('filters by search, status, currency and method, updating the count', async () => {
    const { user } = renderDesk({ 'reports.transactions': () => ({ rows }) });
    await screen.findByText('4 transactions');
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'tx_ALPHA');
    expect(await screen.findByText('1 transaction')).toBeInTheDocument();
    expect(references()).toEqual(['POS-A1']);
    await user.clear(screen.getByRole('searchbox', { name: 'Search' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'failed');
    await waitFor(() => expect(references()).toEqual(['POS-A2']));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), '');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Currency' }), 'INR');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Method' }), 'NET BANKING');
    await waitFor(() => expect(references()).toEqual(['WEB-9']));
    expect(screen.getByText('1 transaction')).toBeInTheDocument();
  });

  it('names the terminal of each sale from its reference prefix, and filters by terminal', async () => {
    const id = '0MJ3K2ZQ4ABCD1234';
    const { user } = renderDesk({
      'reports.transactions': () => ({
        rows: [
          row({ reference: `POS-${id}`, time: '2026-11-01T09:00:00.000+05:30' }),
          row({ reference: `C2-${id}`, time: '2026-11-01T10:00:00.000+05:30', source: 'server' }),
          row({ reference: 'WEB-9', time: '2026-11-01T11:00:00.000+05:30', source: 'server' }),
        ],
      }),
    });
    await screen.findByText('3 transactions');
    expect(screen.getByRole('columnheader', { name: /Terminal/ })).toBeInTheDocument();
    const terminals = () => bodyRows().map((r) => within(r).getAllByRole('cell').at(-1)?.textContent);
    // makeStatus's terminal is "Counter 1" with prefix POS.
    expect(terminals()).toEqual(['Elsewhere', 'C2', 'Counter 1 (POS)']);
    const filter = screen.getByRole('combobox', { name: 'Terminal' });
    expect(
      within(filter)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Every terminal', 'Counter 1 (POS)', 'C2', 'Elsewhere']);
    await user.selectOptions(filter, 'C2');
    await waitFor(() => expect(references()).toEqual([`C2-${id}`]));
    await user.selectOptions(filter, 'Elsewhere');
    await waitFor(() => expect(references()).toEqual(['WEB-9']));
  });

  it('filters by an amount range in the chosen currency and by date', async () => {
    const { user } = renderDesk({ 'reports.transactions': () => ({ rows }) });
    await screen.findByText('4 transactions');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Currency' }), 'INR');
    await user.type(screen.getByRole('textbox', { name: 'Amount from' }), '100');
    await waitFor(() => expect(references()).toEqual(['WEB-9', 'POS-A1']));
    await user.type(screen.getByRole('textbox', { name: 'Amount to' }), '120');
    await waitFor(() => expect(references()).toEqual(['WEB-9']));
    await user.type(screen.getByLabelText('From'), '2026-11-02');
    await waitFor(() => expect(screen.getByText('0 transactions')).toBeInTheDocument());
    expect(screen.getByText('No transaction matches these filters.')).toBeInTheDocument();
  });

  it('sorts by any column, and flips the direction on a second click', async () => {
    const { user } = renderDesk({ 'reports.transactions': () => ({ rows }) });
    await screen.findByText('4 transactions');
    await user.click(screen.getByRole('button', { name: 'Reference' }));
    expect(screen.getByRole('columnheader', { name: 'Reference' })).toHaveAttribute('aria-sort', 'ascending');
    expect(references()).toEqual(['POS-A1', 'POS-A2', 'POS-A3', 'WEB-9']);
    await user.click(screen.getByRole('button', { name: 'Reference' }));
    expect(references()).toEqual(['WEB-9', 'POS-A3', 'POS-A2', 'POS-A1']);
    await user.click(screen.getByRole('button', { name: 'Currency' }));
    expect(references()).toEqual(['POS-A1', 'POS-A3', 'WEB-9', 'POS-A2']);
  });

  it('renders only the visible rows of a long list', async () => {
    const many = Array.from({ length: 5000 }, (_, i) =>
      row({
        reference: `POS-${String(i).padStart(5, '0')}`,
        time: new Date(Date.parse('2026-11-01T00:00:00Z') + i * 1000).toISOString(),
      }),
    );
    renderDesk({ 'reports.transactions': () => ({ rows: many }) });
    expect(await screen.findByText('5000 transactions')).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Transactions' })).toHaveAttribute('aria-rowcount', '5001');
    expect(bodyRows().length).toBeLessThan(60);
    expect(references()[0]).toBe('POS-04999');
  });

  it('opens a row’s details with the full record and the sale’s journal timeline', async () => {
    const { user, fake } = renderDesk({
      'reports.transactions': () => ({ rows }),
      'sales.get': ({ saleId }) => ({
        sale: makeSale({
          id: saleId,
          reference: 'POS-A1',
          status: 'succeeded',
          txnId: 'tx_alpha',
          providerOrderId: 'order_77',
        }),
        timeline: [
          { at: '2026-11-01T03:30:00.000Z', status: 'initiating', note: 'Sent to KS Pay' },
          { at: '2026-11-01T03:31:00.000Z', status: 'succeeded', note: 'KS Pay confirmed the payment' },
        ],
      }),
    });
    await screen.findByText('4 transactions');
    await user.click(screen.getByRole('button', { name: 'Details of POS-A1' }));
    const drawer = await screen.findByRole('dialog', { name: 'Sale POS-A1' });
    expect(await within(drawer).findByText('KS Pay confirmed the payment')).toBeInTheDocument();
    expect(within(drawer).getByText('order_77')).toBeInTheDocument();
    expect(within(drawer).getByText('₹345.67')).toBeInTheDocument();
    expect(fake.callsTo('sales.get')).toEqual([{ saleId: 's1' }]);
    await user.click(within(drawer).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('says a server-only record has no journal on this terminal', async () => {
    const { user } = renderDesk({ 'reports.transactions': () => ({ rows }) });
    await screen.findByText('4 transactions');
    await user.click(screen.getByRole('button', { name: 'Details of WEB-9' }));
    const drawer = await screen.findByRole('dialog', { name: 'Sale WEB-9' });
    expect(within(drawer).getByText(/Only on the KS Pay server/)).toBeInTheDocument();
    expect(within(drawer).getByText(/journal is elsewhere/)).toBeInTheDocument();
  });

  it('exports the filtered rows as a CSV download', async () => {
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const { user, fake } = renderDesk({
      'reports.transactions': () => ({ rows }),
      'reports.exportCsv': () => ({
        filename: 'transactions-counter-1.csv',
        mimeType: 'text/csv;charset=utf-8',
        content: 'Time,Reference\r\n',
      }),
    });
    await screen.findByText('4 transactions');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'failed');
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(
      await screen.findByText('Saved transactions-counter-1.csv to your downloads.'),
    ).toBeInTheDocument();
    expect(fake.callsTo('reports.exportCsv')).toEqual([{ status: 'failed' }]);
    expect(click).toHaveBeenCalledTimes(1);
    expect(click.mock.contexts[0]).toHaveProperty('download', 'transactions-counter-1.csv');
  });

  it('exports the filtered rows as an XLSX download, decoding the workbook main sent as base64', async () => {
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const blobs: Blob[] = [];
    const createUrl = vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:xlsx';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const { user, fake } = renderDesk({
      'reports.transactions': () => ({ rows }),
      'reports.exportXlsx': () => ({
        filename: 'transactions-counter-1.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        content: btoa('PK\u0003\u0004\u00ff'),
        encoding: 'base64',
      }),
    });
    await screen.findByText('4 transactions');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Currency' }), 'INR');
    await user.click(screen.getByRole('button', { name: 'Export XLSX' }));
    expect(
      await screen.findByText('Saved transactions-counter-1.xlsx to your downloads.'),
    ).toBeInTheDocument();
    expect(fake.callsTo('reports.exportXlsx')).toEqual([{ currency: 'INR' }]);
    expect(click.mock.contexts[0]).toHaveProperty('download', 'transactions-counter-1.xlsx');
    expect(createUrl).toHaveBeenCalledTimes(1);
    expect([...new Uint8Array(await blobs[0]!.arrayBuffer())]).toEqual([0x50, 0x4b, 3, 4, 0xff]);
  });

  it('reconciles, then reloads the list and says what it found', async () => {
    let call = 0;
    const { user, fake } = renderDesk({
      'reports.transactions': (input) => ({
        rows: input?.server === 'cached' || call++ === 0 ? rows : rows.slice(0, 2),
      }),
      'sales.reconcile': () => ({
        at: '2026-11-01T12:00:00.000Z',
        checked: 3,
        settled: 2,
        stillPending: 1,
        issues: [
          {
            id: 'i1',
            kind: 'server_only',
            explanation: 'KS Pay has a payment this terminal did not make.',
            reviewed: false,
          },
        ],
      }),
    });
    await screen.findByText('4 transactions');
    await user.click(screen.getByRole('button', { name: 'Reconcile' }));
    expect(
      await screen.findByText(
        "Reconcile checked 3 unsettled sales: 2 settled; 1 issue needs a manager's look on Pending.",
      ),
    ).toBeInTheDocument();
    expect(await screen.findByText('2 transactions')).toBeInTheDocument();
    expect(fake.callsTo('reports.transactions')).toEqual([
      { server: 'cached', pageSize: 2000 },
      { server: 'fresh', pageSize: 2000 },
      { server: 'fresh', pageSize: 2000 },
    ]);
  });

  it("shows main's last listing at once, says it is checking the server, then shows the fresh list", async () => {
    let finish: () => void = () => undefined;
    const listed = new Promise<void>((resolve) => (finish = resolve));
    renderDesk({
      'reports.transactions': async (input) => {
        if (input?.server === 'cached')
          return { rows: rows.slice(0, 1), serverAsOf: '2026-11-01T09:30:00.000Z' };
        await listed;
        return { rows, serverAsOf: '2026-11-01T10:00:00.000Z' };
      },
    });
    expect(await screen.findByText('1 transaction')).toBeInTheDocument();
    expect(
      screen.getByText(/^Showing the KS Pay server's records as listed at .*; checking for newer ones…$/),
    ).toHaveAttribute('role', 'status');
    finish();
    expect(await screen.findByText('4 transactions')).toBeInTheDocument();
    expect(screen.queryByText(/checking for newer ones/)).toBeNull();
  });

  it('still lists the terminal sales when KS Pay could not be reached, and says so', async () => {
    renderDesk({
      'reports.transactions': () => ({
        rows: rows.slice(0, 1),
        serverError: { code: 'network', message: "The KS Pay server's records could not be loaded." },
      }),
    });
    expect(await screen.findByText("The KS Pay server's records could not be loaded.")).toBeInTheDocument();
    expect(screen.getByText('1 transaction')).toBeInTheDocument();
  });
});
