import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { callNames } from '../../shared/contract.ts';
import type { Role, Sale } from '../../shared/domain.ts';
import { makeSaleId } from '../../shared/sale-id.ts';
import { silentLogger, type Logger } from '../deps.ts';
import { KsPayError } from '../kspay/index.ts';
import { StaffError } from '../staff/index.ts';
import { displaySessionId } from './display-session.ts';
import { createDispatch, type AccessGate } from './dispatch.ts';
import type { Handler, Handlers } from './handlers.ts';

const SALE_ID = makeSaleId();

/** Every call answers "not part of this test" except the ones a test gives. */
function handlersWith(partial: Partial<Handlers>): Handlers {
  const all: Record<string, unknown> = {};
  for (const name of callNames) {
    all[name] = partial[name] ?? (async () => Promise.reject(new Error(`${name} is not part of this test`)));
  }
  return all as Handlers;
}

/** A gate where the session `desk` has `role` and every other session is a cashier; it notes each touch. */
function gate(role: Role = 'cashier', setUp = true): AccessGate & { touched: string[] } {
  const touched: string[] = [];
  return {
    touched,
    isSetUp: () => setUp,
    role: (session) => (session === 'desk' ? role : 'cashier'),
    touch: (session) => void touched.push(session),
  };
}

const sale: Sale = {
  id: 's1',
  reference: 'POS-1',
  amountMinor: 1250,
  currency: 'INR',
  currencyId: 'c_1',
  methodId: 'pm_1',
  methodName: 'UPI',
  status: 'awaiting_payment',
  createdAt: '2026-11-29T10:00:00.000Z',
  updatedAt: '2026-11-29T10:00:01.000Z',
  flags: [],
  reviewed: false,
  demo: true,
};

class CodedError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

const ipc = { transport: 'ipc', session: 'desk' } as const;
const otherPage = { transport: 'http', session: 'other-page' } as const;

describe('dispatch', () => {
  it('runs the handler with validated input and the caller role, and returns its value', async () => {
    let seen: unknown;
    const start: Handler<'sales.start'> = async (input, ctx) => {
      seen = { input, ctx };
      return sale;
    };
    const dispatch = createDispatch({
      handlers: handlersWith({ 'sales.start': start }),
      gate: gate(),
      log: silentLogger,
    });
    const result = await dispatch(
      'sales.start',
      { saleId: SALE_ID, currency: 'INR', currencyId: 'c_1', methodId: 'pm_1', amountMinor: 1250 },
      ipc,
    );
    expect(result).toEqual({ ok: true, value: sale });
    expect(seen).toEqual({
      input: { saleId: SALE_ID, currency: 'INR', currencyId: 'c_1', methodId: 'pm_1', amountMinor: 1250 },
      ctx: { transport: 'ipc', session: 'desk', role: 'cashier' },
    });
  });

  it('applies schema defaults before the handler sees the input', async () => {
    let limit = 0;
    const dispatch = createDispatch({
      handlers: handlersWith({
        'sales.list': async (input) => {
          limit = input.limit;
          return [];
        },
      }),
      gate: gate(),
      log: silentLogger,
    });
    await dispatch('sales.list', {}, ipc);
    expect(limit).toBe(50);
  });

  it('refuses an input that breaks the schema with a plain sentence naming the field, without running the handler', async () => {
    let ran = false;
    const dispatch = createDispatch({
      handlers: handlersWith({
        'sales.start': async () => {
          ran = true;
          return sale;
        },
      }),
      gate: gate(),
      log: silentLogger,
    });
    const zero = await dispatch(
      'sales.start',
      { saleId: SALE_ID, currency: 'INR', currencyId: 'c_1', methodId: 'pm_1', amountMinor: 0 },
      ipc,
    );
    expect(zero).toEqual({
      ok: false,
      error: { code: 'invalid', message: 'The amount must be more than zero.' },
    });
    const missing = await dispatch(
      'sales.start',
      { saleId: SALE_ID, currency: 'INR', currencyId: 'c_1', amountMinor: 5 },
      ipc,
    );
    expect(missing).toEqual({
      ok: false,
      error: { code: 'invalid', message: 'The payment method is missing.' },
    });
    const lowercase = await dispatch(
      'sales.start',
      { saleId: SALE_ID, currency: 'inr', currencyId: 'c_1', methodId: 'pm_1', amountMinor: 5 },
      ipc,
    );
    expect(lowercase).toEqual({
      ok: false,
      error: { code: 'invalid', message: 'The currency must be a three-letter ISO 4217 code.' },
    });
    expect(ran).toBe(false);
  });

  it('names the PIN field in words when a PIN is malformed', async () => {
    const dispatch = createDispatch({
      handlers: handlersWith({}),
      gate: gate('cashier', false),
      log: silentLogger,
    });
    const result = await dispatch('setup.setPin', { pin: '12', confirm: '12' }, ipc);
    expect(result).toEqual({ ok: false, error: { code: 'invalid', message: 'The PIN is 4 to 8 digits.' } });
  });

  it('refuses a manager call while the terminal is at cashier level, asking for the manager PIN', async () => {
    let ran = false;
    const dispatch = createDispatch({
      handlers: handlersWith({
        'audit.list': async () => {
          ran = true;
          return [];
        },
      }),
      gate: gate('cashier'),
      log: silentLogger,
    });
    expect(await dispatch('audit.list', undefined, ipc)).toEqual({
      ok: false,
      error: { code: 'locked', message: 'Enter the manager PIN to do this.' },
    });
    expect(ran).toBe(false);
  });

  it('lets a manager make manager calls', async () => {
    const dispatch = createDispatch({
      handlers: handlersWith({ 'audit.list': async () => [] }),
      gate: gate('manager'),
      log: silentLogger,
    });
    expect(await dispatch('audit.list', undefined, ipc)).toEqual({ ok: true, value: [] });
  });

  it('allows only `any` calls before the terminal is set up', async () => {
    const dispatch = createDispatch({
      handlers: handlersWith({
        'catalog.currencies': async () => [],
        'staff.lock': async () => ({ role: 'cashier' }),
      }),
      gate: gate('manager', false),
      log: silentLogger,
    });
    const refused = await dispatch('catalog.currencies', undefined, ipc);
    expect(refused).toMatchObject({ ok: false, error: { code: 'not_set_up' } });
    expect(refused.ok ? '' : refused.error.message).toMatch(/Try Demo mode or Connect to KS Pay/);
  });

  it('lets a customer display session make the display calls and refuses it every other call, without running them', async () => {
    const ran: string[] = [];
    const idle = { view: 'idle', merchant: 'Corner Shop', theme: 'system' } as const;
    const handlers: Partial<Handlers> = { 'display.state': async () => idle };
    for (const name of callNames)
      if (name !== 'display.state')
        (handlers as Record<string, unknown>)[name] = async () => void ran.push(name);
    const dispatch = createDispatch({
      handlers: handlersWith(handlers),
      gate: { isSetUp: () => false, role: () => 'manager' },
      log: silentLogger,
    });
    const display = { transport: 'http', session: displaySessionId('1') } as const;
    expect(await dispatch('display.state', undefined, display)).toEqual({ ok: true, value: idle });
    for (const name of callNames.filter((n) => n !== 'display.state')) {
      const refused = await dispatch(name, undefined, display);
      expect(refused, name).toMatchObject({ ok: false, error: { code: 'display_only' } });
    }
    expect(ran).toEqual([]);
    // Any other session may read the display's state too, even before set-up.
    expect(await dispatch('display.state', undefined, otherPage)).toEqual({ ok: true, value: idle });
  });

  it("counts only the manager's own accepted calls as activity for the idle lock, never the cashier screen's polling", async () => {
    const g = gate('manager');
    const dispatch = createDispatch({
      handlers: handlersWith({
        'catalog.currencies': async () => [],
        'sales.current': async () => null,
        'audit.list': async () => [],
      }),
      gate: g,
      log: silentLogger,
    });
    await dispatch('sales.current', undefined, ipc);
    await dispatch('catalog.currencies', undefined, ipc);
    await dispatch('sales.current', undefined, otherPage);
    await dispatch('audit.list', undefined, otherPage); // refused: that page is a cashier
    expect(g.touched).toEqual([]);
    await dispatch('audit.list', undefined, ipc);
    expect(g.touched).toEqual(['desk']);
  });

  it('asks each session for its own role: the manager desk in one session opens nothing for another', async () => {
    const sessions: string[] = [];
    const dispatch = createDispatch({
      handlers: handlersWith({
        'audit.list': async (_input, ctx) => {
          sessions.push(`${ctx.session}:${ctx.role}`);
          return [];
        },
      }),
      gate: gate('manager'),
      log: silentLogger,
    });
    expect(await dispatch('audit.list', undefined, otherPage)).toMatchObject({
      ok: false,
      error: { code: 'locked' },
    });
    expect(await dispatch('audit.list', undefined, ipc)).toEqual({ ok: true, value: [] });
    expect(sessions).toEqual(['desk:manager']);
  });

  it('refuses a name that is not in the contract, including inherited property names', async () => {
    const dispatch = createDispatch({ handlers: handlersWith({}), gate: gate('manager'), log: silentLogger });
    for (const name of ['sales.delete', 'constructor', '__proto__', 'toString']) {
      const result = await dispatch(name, undefined, ipc);
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
    }
  });

  it('passes a service error code and its plain message through', async () => {
    const dispatch = createDispatch({
      handlers: handlersWith({
        'catalog.currencies': async () => {
          throw new CodedError(
            'network',
            'The terminal cannot reach KS Pay at pay.example. Check the cable.',
          );
        },
      }),
      gate: gate(),
      log: silentLogger,
    });
    expect(await dispatch('catalog.currencies', undefined, ipc)).toEqual({
      ok: false,
      error: {
        code: 'network',
        message: 'The terminal cannot reach KS Pay at pay.example. Check the cable.',
      },
    });
  });

  it("passes the real services' errors through with their codes: KS Pay's and staff's", async () => {
    const thrown = [
      new KsPayError(
        'timeout',
        'KS Pay did not answer within 15 seconds. Check the network; if a payment was under way, look it up in Transactions before charging again.',
      ),
      new StaffError('wrong_pin', 'Wrong PIN. 4 tries left before the PIN locks for a while.', {
        attemptsLeft: 4,
      }),
    ];
    let index = 0;
    const dispatch = createDispatch({
      handlers: handlersWith({
        'staff.unlock': async () => {
          throw thrown[index++];
        },
      }),
      gate: gate(),
      log: silentLogger,
    });
    expect(await dispatch('staff.unlock', { pin: '1234' }, ipc)).toEqual({
      ok: false,
      error: { code: 'timeout', message: thrown[0]!.message },
    });
    expect(await dispatch('staff.unlock', { pin: '1234' }, ipc)).toEqual({
      ok: false,
      error: { code: 'wrong_pin', message: thrown[1]!.message },
    });
  });

  it('never shows a stack trace, JSON or a known secret: the code keeps its plain default message instead', async () => {
    const thrown = [
      new CodedError('server', 'failed\n    at fetch (node:internal/deps/undici:1:1)'),
      new CodedError('bad_response', '{"status":500,"message":"boom"}'),
      new CodedError('auth', 'Key sk_live_SECRET was refused'),
    ];
    let index = 0;
    const dispatch = createDispatch({
      handlers: handlersWith({
        'catalog.currencies': async () => {
          throw thrown[index++];
        },
      }),
      gate: gate(),
      log: silentLogger,
      scrub: (text) => text.replaceAll('sk_live_SECRET', '[key]'),
    });
    const messages: string[] = [];
    for (let i = 0; i < thrown.length; i += 1) {
      const result = await dispatch('catalog.currencies', undefined, ipc);
      if (result.ok) throw new Error('expected an error');
      messages.push(`${result.error.code}: ${result.error.message}`);
    }
    expect(messages).toEqual([
      'server: KS Pay had a problem on its side. Try again in a moment.',
      'bad_response: KS Pay sent a reply the terminal could not read. Try again; if it keeps happening, a manager can save diagnostics for support.',
      'auth: KS Pay did not accept the keys. A manager can check the access key and secret key under Manager → Settings → Connection.',
    ]);
  });

  it('turns an unexpected error into `internal` with a plain message, and logs the detail for support', async () => {
    const logged: Array<{ message: string; fields?: Record<string, unknown> }> = [];
    const log: Logger = { ...silentLogger, error: (message, fields) => logged.push({ message, fields }) };
    const dispatch = createDispatch({
      handlers: handlersWith({
        'catalog.currencies': async () => {
          throw new TypeError("Cannot read properties of undefined (reading 'id')");
        },
      }),
      gate: gate(),
      log,
    });
    const result = await dispatch('catalog.currencies', undefined, ipc);
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'internal',
        message:
          'Something went wrong inside the terminal. Try again; if it keeps happening, a manager can save diagnostics for support.',
      },
    });
    expect(logged[0]?.message).toBe('ipc: handler failed');
    expect(logged[0]?.fields?.error).toMatchObject({ name: 'TypeError' });
  });

  it('treats a Node system error (upper-case code) as internal, not as a message for people', async () => {
    const dispatch = createDispatch({
      handlers: handlersWith({
        'catalog.currencies': async () => {
          throw Object.assign(new Error("ENOENT: no such file or directory, open '/data/x'"), {
            code: 'ENOENT',
          });
        },
      }),
      gate: gate(),
      log: silentLogger,
    });
    expect(await dispatch('catalog.currencies', undefined, ipc)).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
  });

  it('maps a zod error thrown by a service to `invalid` with the field named', async () => {
    const dispatch = createDispatch({
      handlers: handlersWith({
        'settings.update': async () => {
          throw z.object({ terminalName: z.string().min(1) }).parse({ terminalName: '' }) as never;
        },
      }),
      gate: gate('manager'),
      log: silentLogger,
    });
    expect(await dispatch('settings.update', {}, ipc)).toEqual({
      ok: false,
      error: { code: 'invalid', message: 'The terminal name is too short.' },
    });
  });

  it('refuses a handler value outside the contract, and strips fields the contract does not name', async () => {
    const leaky = { ...sale, secretKey: 'sk_live_SECRET' };
    let reply: unknown = { ...sale, status: 'paid' };
    const dispatch = createDispatch({
      handlers: handlersWith({ 'sales.current': async () => reply as Sale }),
      gate: gate(),
      log: silentLogger,
    });
    expect(await dispatch('sales.current', undefined, ipc)).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
    reply = leaky;
    const result = await dispatch('sales.current', undefined, ipc);
    expect(result).toEqual({ ok: true, value: sale });
    expect(JSON.stringify(result)).not.toContain('SECRET');
  });
});
