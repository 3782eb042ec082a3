// Renders the manager desk over a fake window.pos, with the layout jsdom lacks (the table's scroll
// box gets a height, so the virtual list shows rows) and every store back at its start.
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import type { TransactionRow } from '../../../shared/domain.ts';
import { installFakePos, makeStatus, type FakePos, type Handlers } from '../../test/fake-pos.ts';
import { resetStores } from '../../test/reset-stores.ts';
import { useAppStatus } from '../../stores/index.ts';
import { Desk } from '../Desk.tsx';
import { useDeskReconcile, useDeskTransactions } from '../stores/index.ts';

const SCROLL_BOX_HEIGHT = 440;

let layoutStubbed = false;
function stubLayout(): void {
  if (layoutStubbed) return;
  layoutStubbed = true;
  for (const [name, value] of [
    ['clientHeight', SCROLL_BOX_HEIGHT],
    ['clientWidth', 1000],
  ] as const) {
    Object.defineProperty(HTMLElement.prototype, name, {
      configurable: true,
      get(this: HTMLElement) {
        return this.classList.contains('tx-table') ? value : 0;
      },
    });
  }
}

export function resetDeskStores(): void {
  resetStores();
  useDeskTransactions.setState(useDeskTransactions.getInitialState(), true);
  useDeskReconcile.setState(useDeskReconcile.getInitialState(), true);
}

export interface RenderedDesk {
  fake: FakePos;
  user: ReturnType<typeof userEvent.setup>;
  onLock: ReturnType<typeof vi.fn>;
}

export function renderDesk(handlers: Handlers = {}): RenderedDesk {
  stubLayout();
  resetDeskStores();
  const fake = installFakePos({
    'reports.transactions': () => ({ rows: [] }),
    'sales.pending': () => [],
    ...handlers,
  });
  useAppStatus.getState().setStatus(makeStatus({ role: 'manager', settings: { locale: 'en-IN' } }));
  const onLock = vi.fn();
  const user = userEvent.setup();
  render(<Desk onLock={onLock} />);
  return { fake, user, onLock };
}

/** A merged row with readable overrides. */
export function row(overrides: Partial<TransactionRow> & { reference: string }): TransactionRow {
  return {
    key: `sale:${overrides.reference}`,
    time: '2026-11-01T10:00:00.000+05:30',
    amountMinor: 10000,
    currency: 'INR',
    method: 'UPI',
    status: 'succeeded',
    source: 'both',
    mismatch: false,
    flags: [],
    ...overrides,
  };
}
