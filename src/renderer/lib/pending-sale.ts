// How a sale that is not final yet is described: what the terminal is doing about it, and its age.
import type { Sale } from '../../shared/domain.ts';
import { messages } from './messages.ts';

export function pendingActivity(sale: Sale): string {
  switch (sale.status) {
    case 'awaiting_payment':
      return messages.pending.doing.awaiting_payment;
    case 'verifying':
      return messages.pending.doing.verifying;
    case 'unknown':
      return messages.pending.doing.unknown;
    default:
      return messages.pending.doing.starting;
  }
}

export function minutesSince(iso: string, now: number): number {
  return Math.max(0, Math.floor((now - Date.parse(iso)) / 60_000));
}
