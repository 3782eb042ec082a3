import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CustomerDisplayState } from '../../shared/customer-display.ts';
import { CustomerScreen } from './CustomerScreen.tsx';

const waiting = (checkoutUrl: string): CustomerDisplayState => ({
  view: 'waiting',
  merchant: 'Chai Corner',
  theme: 'light',
  amountMinor: 3300,
  currency: 'INR',
  methodName: 'UPI',
  checkoutUrl,
  checking: false,
});

describe('the customer display’s QR', () => {
  it('asks the customer to scan it with a phone when a phone can open it', () => {
    render(<CustomerScreen state={waiting('https://pay.kspay.example/checkout/ord_1')} problem={null} />);
    expect(screen.getByText('Scan with your phone to pay')).toBeInTheDocument();
    expect(screen.queryByText(/not on a phone/)).toBeNull();
  });

  it('says in Demo mode that the code opens only on the terminal’s computer, not on a phone', () => {
    render(<CustomerScreen state={waiting('http://127.0.0.1:4010/checkout/ord_1')} problem={null} />);
    expect(
      screen.getByText('This code opens only on the terminal’s computer, not on a phone.'),
    ).toBeInTheDocument();
    expect(screen.queryByText('Scan with your phone to pay')).toBeNull();
  });
});
