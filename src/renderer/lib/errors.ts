// Turns anything thrown into words a cashier can read: a PosError's message, never JSON or a stack.
import { PosError } from '../../shared/pos-error.ts';

const FALLBACK =
  'Something went wrong. Try again; if it keeps happening, ask the manager to check the connection.';

export function errorMessage(error: unknown): string {
  if (error instanceof PosError && error.message.trim() !== '') return error.message;
  return FALLBACK;
}
