import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Settings } from '../../shared/domain.ts';
import { makeSale } from '../test/fake-pos.ts';
import { Receipt } from './Receipt.tsx';

describe('the receipt', () => {
  it('lays out the merchant header and footer, the sale, and a QR of the transaction id', async () => {
    const settings = Settings.parse({
      receiptHeader: 'Chai Corner\nMG Road, Pune',
      receiptFooter: 'Thank you!',
      terminalName: 'Counter 2',
      printer: { kind: 'system', paper: '58mm' },
    });
    render(
      <Receipt
        sale={makeSale({ status: 'succeeded', txnId: 'tx_42', demo: true })}
        settings={settings}
        locale="en-IN"
      />,
    );
    const receipt = screen.getByRole('article', { name: 'Receipt' });
    expect(receipt).toHaveAttribute('data-paper', '58mm');
    const r = within(receipt);
    expect(r.getByText('Chai Corner')).toBeInTheDocument();
    expect(r.getByText('MG Road, Pune')).toBeInTheDocument();
    expect(r.getByText('DEMO - NOT A REAL PAYMENT')).toBeInTheDocument();
    expect(r.getByText('Counter 2')).toBeInTheDocument();
    expect(r.getByText('₹345.67')).toBeInTheDocument();
    expect(r.getByText('Paid')).toBeInTheDocument();
    expect(r.getByText('tx_42')).toBeInTheDocument();
    expect(await r.findByRole('img', { name: 'Transaction ID QR code' })).toBeInTheDocument();
    expect(r.getByText('Thank you!')).toBeInTheDocument();
  });

  it('has no QR code while there is no transaction id', () => {
    render(<Receipt sale={makeSale({ status: 'unknown' })} settings={Settings.parse({})} locale="en" />);
    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.getByText('Not confirmed')).toBeInTheDocument();
  });

  it('says DUPLICATE on a copy of a receipt printed before, and not on the first', () => {
    const sale = makeSale({ status: 'succeeded' });
    const { rerender } = render(<Receipt sale={sale} settings={Settings.parse({})} locale="en" />);
    expect(screen.queryByText('DUPLICATE')).toBeNull();
    rerender(<Receipt sale={sale} settings={Settings.parse({})} locale="en" duplicate />);
    expect(screen.getByText('DUPLICATE')).toBeInTheDocument();
  });
});
