// "Test connection": tries the server address, a token and the currency list with keys that are not
// saved yet, and says step by step in plain words what worked and what to fix.
import type { ConnectionInput, ConnectionTestResult } from '../../shared/domain.ts';
import type { KsPayClient } from '../kspay/index.ts';
import { describeTarget } from './base-url.ts';

type Step = ConnectionTestResult['steps'][number];

export const STEP_NAMES = {
  server: 'Server address',
  keys: 'App ID and keys',
  currencies: 'Currencies',
} as const;
const NOT_TRIED = 'Not tried yet: fix the step above first.';
const UNEXPECTED =
  'Something unexpected went wrong. Try again; if it keeps happening, save diagnostics for support.';

function plainReason(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  // KS Pay, setup and vault errors carry messages written for people (already redacted at their source).
  if (error instanceof Error && typeof code === 'string' && /^[a-z_]+$/.test(code)) return error.message;
  return UNEXPECTED;
}

export async function testConnection(
  input: ConnectionInput,
  clientFor: (baseUrl: string) => KsPayClient,
  baseUrlOf: (input: ConnectionInput) => Promise<string>,
): Promise<ConnectionTestResult> {
  const steps: Step[] = [];
  const fail = (name: string, error: unknown, later: string[]): ConnectionTestResult => ({
    ok: false,
    steps: [
      ...steps,
      { name, ok: false, message: plainReason(error) },
      ...later.map((step) => ({ name: step, ok: false, message: NOT_TRIED })),
    ],
  });

  let baseUrl: string;
  try {
    baseUrl = await baseUrlOf(input);
  } catch (error) {
    return fail(STEP_NAMES.server, error, [STEP_NAMES.keys, STEP_NAMES.currencies]);
  }
  steps.push({
    name: STEP_NAMES.server,
    ok: true,
    message: `The terminal will connect to ${describeTarget(input)}.`,
  });

  const client = clientFor(baseUrl);
  try {
    await client.warmUp();
  } catch (error) {
    return fail(STEP_NAMES.keys, error, [STEP_NAMES.currencies]);
  }
  steps.push({ name: STEP_NAMES.keys, ok: true, message: 'KS Pay accepted the App ID and keys.' });

  try {
    const active = (await client.currencies()).filter((currency) => currency.active);
    if (active.length === 0) {
      steps.push({
        name: STEP_NAMES.currencies,
        ok: false,
        message:
          'KS Pay lists no active currency for this app. Turn one on in the KS Pay dashboard, then test again.',
      });
      return { ok: false, steps };
    }
    const codes = active.map((currency) => currency.code);
    const shown =
      codes.length > 6 ? `${codes.slice(0, 6).join(', ')} and ${codes.length - 6} more` : codes.join(', ');
    steps.push({
      name: STEP_NAMES.currencies,
      ok: true,
      message: `KS Pay offers ${active.length} ${active.length === 1 ? 'currency' : 'currencies'}: ${shown}.`,
    });
  } catch (error) {
    return fail(STEP_NAMES.currencies, error, []);
  }
  return { ok: true, steps };
}
