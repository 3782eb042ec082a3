// Turns anything thrown into words a cashier can read: a PosError's message, never JSON or a stack.
import { PosError } from '../../shared/pos-error.ts';
import { messages } from './messages.ts';

const FALLBACK = messages.app.somethingWrong;

export function errorMessage(error: unknown): string {
  if (error instanceof PosError && error.message.trim() !== '') return error.message;
  return FALLBACK;
}
