// What a sale's status means on the cashier screen: still going, or which result to show.
import type { SaleStatus } from '../../shared/domain.ts';

export type Outcome = 'in-progress' | 'succeeded' | 'failed' | 'cancelled' | 'pending';

export function outcomeOf(status: SaleStatus): Outcome {
  switch (status) {
    case 'draft':
    case 'initiating':
    case 'processing':
    case 'awaiting_payment':
    case 'verifying':
      return 'in-progress';
    case 'succeeded':
      return 'succeeded';
    case 'failed':
    case 'expired':
      return 'failed';
    case 'cancelled':
      return 'cancelled';
    case 'unknown':
      return 'pending';
  }
}
