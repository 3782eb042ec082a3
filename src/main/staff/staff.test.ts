import { mkdtemp, readFile, rm, writeFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAuditLog } from '../audit/index.ts';
import type { AuditLog } from '../audit/index.ts';
import { createStaff, createStaffFileStore, StaffError } from './index.ts';
import type { Staff, StaffState, StaffStore } from './index.ts';

// Cheap scrypt cost so the suite stays quick; one test below checks the real default is stored.
const FAST = { N: 1024, r: 8, p: 1, keylen: 32 };
const PIN = '918273';
const OTHER = '564738';
/** The session the tests act in (the Electron renderer, or one browser-mode page). */
const S = 'desk';

let dir: string;
let now: number;
let idleMinutes: number;
let audit: AuditLog;
const clock = { now: () => now };

function staffFile(): string {
  return join(dir, 'staff.json');
}

function makeStaff(store: StaffStore = createStaffFileStore({ filePath: staffFile() })): Staff {
  return createStaff({ store, audit, clock, idleLockMinutes: () => idleMinutes, scrypt: FAST });
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    if (error instanceof StaffError) return error.code;
    throw error;
  }
}

async function savedState(): Promise<StaffState> {
  return JSON.parse(await readFile(staffFile(), 'utf8')) as StaffState;
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'staff-'));
  now = Date.parse('2026-01-01T00:00:00.000Z');
  idleMinutes = 5;
  audit = createAuditLog({ dir, clock });
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('manager PIN', () => {
  it('stores only a salted scrypt hash with its parameters, in a private file', async () => {
    const staff = createStaff({
      store: createStaffFileStore({ filePath: staffFile() }),
      audit,
      clock,
      idleLockMinutes: () => 5,
    });
    expect(await staff.hasPin()).toBe(false);
    await staff.setPin(PIN);
    expect(await staff.hasPin()).toBe(true);

    const text = await readFile(staffFile(), 'utf8');
    expect(text).not.toContain(PIN);
    const { managerPin } = JSON.parse(text) as StaffState;
    expect(managerPin).toMatchObject({ algorithm: 'scrypt', N: 32768, r: 8, p: 1, keylen: 32 });
    expect(Buffer.from(managerPin?.salt ?? '', 'base64')).toHaveLength(16);
    expect((await stat(staffFile())).mode & 0o777).toBe(0o600);
  });

  it.skipIf(process.platform === 'win32')(
    'creates the staff file 0600 in a folder it creates 0700',
    async () => {
      const filePath = join(dir, 'data', 'new', 'staff.json');
      await makeStaff(createStaffFileStore({ filePath })).setPin(PIN);
      expect((await stat(join(dir, 'data', 'new'))).mode & 0o777).toBe(0o700);
      expect((await stat(join(dir, 'data'))).mode & 0o777).toBe(0o700);
      expect((await stat(filePath)).mode & 0o777).toBe(0o600);
    },
  );

  it('salts every hash differently, so equal PINs do not look equal', async () => {
    await makeStaff().setPin(PIN);
    const first = (await savedState()).managerPin;
    await rm(staffFile());
    await makeStaff().setPin(PIN);
    const second = (await savedState()).managerPin;
    expect(second?.salt).not.toBe(first?.salt);
    expect(second?.hash).not.toBe(first?.hash);
  });

  it('refuses a second first PIN and a PIN that is not 4 to 8 digits', async () => {
    const staff = makeStaff();
    expect(await codeOf(staff.setPin('12a4'))).toBe('invalid_pin');
    await staff.setPin(PIN);
    expect(await codeOf(staff.setPin(OTHER))).toBe('pin_exists');
    expect(await codeOf(makeStaff().unlock(S, OTHER))).toBe('wrong_pin');
  });

  it('opens no manager desk by setting the first PIN: the manager enters it to open one', async () => {
    const staff = makeStaff();
    await staff.setPin(PIN);
    expect(staff.role(S)).toBe('cashier');
    await expect(staff.addCashier(S, 'Asha', '2468')).rejects.toMatchObject({ code: 'forbidden' });
    expect(await staff.unlock(S, PIN)).toBe('manager');
    expect(staff.role(S)).toBe('manager');
  });

  it('opens the manager role only in the session that entered the PIN', async () => {
    const staff = makeStaff();
    await staff.setPin(PIN);
    await staff.unlock('first-page', PIN);
    expect(staff.role('first-page')).toBe('manager');
    expect(staff.role('second-page')).toBe('cashier');
    await expect(staff.addCashier('second-page', 'Asha', '2468')).rejects.toMatchObject({
      code: 'forbidden',
    });
    staff.lock('second-page');
    expect(staff.role('first-page')).toBe('manager');
    staff.lock('first-page');
    expect(staff.role('first-page')).toBe('cashier');
  });

  it('opens the manager role with the right PIN and says how many tries are left after a wrong one', async () => {
    const staff = makeStaff();
    await staff.setPin(PIN);
    expect(staff.role(S)).toBe('cashier');

    const wrong = await staff.unlock(S, OTHER).catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(StaffError);
    expect(wrong).toMatchObject({
      code: 'wrong_pin',
      attemptsLeft: 4,
      message: expect.stringContaining('4 tries left'),
    });
    expect(staff.role(S)).toBe('cashier');

    expect(await staff.unlock(S, PIN)).toBe('manager');
    expect(staff.role(S)).toBe('manager');
  });

  it('locks for 30 seconds after 5 wrong tries, refusing even the right PIN meanwhile', async () => {
    const staff = makeStaff();
    await staff.setPin(PIN);
    staff.lock(S);
    for (let left = 4; left >= 1; left--) {
      await expect(staff.unlock(S, OTHER)).rejects.toMatchObject({ code: 'wrong_pin', attemptsLeft: left });
    }
    await expect(staff.unlock(S, OTHER)).rejects.toMatchObject({
      code: 'locked',
      retryAfterMs: 30_000,
      message: expect.stringContaining('Wait 30 seconds'),
    });
    now += 29_000;
    await expect(staff.unlock(S, PIN)).rejects.toMatchObject({ code: 'locked', retryAfterMs: 1000 });
    now += 1000;
    expect(await staff.unlock(S, PIN)).toBe('manager');
  });

  it('doubles the wait with each wrong try after a lockout, and a right PIN clears it', async () => {
    const staff = makeStaff();
    await staff.setPin(PIN);
    for (let i = 0; i < 5; i++) await staff.unlock(S, OTHER).catch(() => undefined);
    now += 30_000;
    await expect(staff.unlock(S, OTHER)).rejects.toMatchObject({ code: 'locked', retryAfterMs: 60_000 });
    now += 60_000;
    await expect(staff.unlock(S, OTHER)).rejects.toMatchObject({ code: 'locked', retryAfterMs: 120_000 });
    now += 120_000;
    await staff.unlock(S, PIN);
    await expect(staff.unlock(S, OTHER)).rejects.toMatchObject({ code: 'wrong_pin', attemptsLeft: 4 });
  });

  it('keeps a lockout across a restart', async () => {
    const first = makeStaff();
    await first.setPin(PIN);
    for (let i = 0; i < 5; i++) await first.unlock(S, OTHER).catch(() => undefined);

    const restarted = makeStaff();
    expect(restarted.role(S)).toBe('cashier');
    await expect(restarted.unlock(S, PIN)).rejects.toMatchObject({ code: 'locked', retryAfterMs: 30_000 });
  });

  it('counts parallel guesses one by one, so they cannot get past the limit', async () => {
    const staff = makeStaff();
    await staff.setPin(PIN);
    const codes = await Promise.all(Array.from({ length: 10 }, () => codeOf(staff.unlock(S, OTHER))));
    expect(codes.filter((c) => c === 'wrong_pin')).toHaveLength(4);
    expect(codes.filter((c) => c === 'locked')).toHaveLength(6);
    expect((await savedState()).attempts['manager']?.failures).toBe(5);
  });

  it('saves a try as wrong before checking the hash, so killing the app mid-check wins no free guess', async () => {
    const file = createStaffFileStore({ filePath: staffFile() });
    const writes: StaffState[] = [];
    const recording: StaffStore = {
      read: () => file.read(),
      write: async (state) => {
        writes.push(structuredClone(state));
        await file.write(state);
      },
    };
    const staff = makeStaff(recording);
    await staff.setPin(PIN);
    writes.length = 0;
    await staff.unlock(S, PIN);
    expect(writes.map((w) => w.attempts['manager']?.failures ?? 0)).toEqual([1, 0]);
  });

  it('acts on a right PIN only once its try is saved as wrong, even though the hash is checked meanwhile', async () => {
    const file = createStaffFileStore({ filePath: staffFile() });
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let holding = false;
    const staff = makeStaff({
      read: () => file.read(),
      write: async (state) => {
        // Only the try saved as wrong is held: the save that clears it afterwards goes straight through.
        if (holding) {
          holding = false;
          await held;
        }
        await file.write(state);
      },
    });
    await staff.setPin(PIN);
    holding = true;
    let answered = false;
    const unlocking = staff.unlock(S, PIN).then((role) => ((answered = true), role));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(answered).toBe(false);
    expect(staff.role(S)).toBe('cashier');
    release();
    expect(await unlocking).toBe('manager');
  });

  it('opens no role when the audit line of a right PIN cannot be written', async () => {
    const failing: AuditLog = {
      ...audit,
      record: (entry) =>
        entry.action === 'staff.unlocked' ? Promise.reject(new Error('disk full')) : audit.record(entry),
    };
    const staff = createStaff({
      store: createStaffFileStore({ filePath: staffFile() }),
      audit: failing,
      clock,
      idleLockMinutes: () => idleMinutes,
      scrypt: FAST,
    });
    await staff.setPin(PIN);
    await expect(staff.unlock(S, PIN)).rejects.toThrow('disk full');
    expect(staff.role(S)).toBe('cashier');
  });

  it('answers a right PIN whose audit line failed only once the save that clears the counter has finished', async () => {
    const files = createStaffFileStore({ filePath: staffFile() });
    const writes: string[] = [];
    let slow = false;
    // The save of the cleared counter resolves well after the audit line has already failed.
    const store: StaffStore = {
      read: () => files.read(),
      write: async (state) => {
        if (slow) await new Promise((resolve) => setTimeout(resolve, 50));
        await files.write(state);
        writes.push(Object.keys(state.attempts).join(',') || 'cleared');
      },
    };
    const failing: AuditLog = {
      ...audit,
      record: (entry) =>
        entry.action === 'staff.unlocked' ? Promise.reject(new Error('disk full')) : audit.record(entry),
    };
    const staff = createStaff({
      store,
      audit: failing,
      clock,
      idleLockMinutes: () => idleMinutes,
      scrypt: FAST,
    });
    await staff.setPin(PIN);
    writes.length = 0;
    slow = true;
    await expect(staff.unlock(S, PIN)).rejects.toThrow('disk full');
    expect(writes).toEqual(['manager', 'cleared']);
  });

  it('answers a PIN check whose wrong-try save failed only once the PIN check has finished too', async () => {
    const files = createStaffFileStore({ filePath: staffFile() });
    let failWrites = false;
    const store: StaffStore = {
      read: () => files.read(),
      write: (state) => (failWrites ? Promise.reject(new Error('read-only disk')) : files.write(state)),
    };
    const staff = createStaff({
      store,
      audit,
      clock,
      idleLockMinutes: () => idleMinutes,
      // A costly hash, so the save fails long before the check ends.
      scrypt: { N: 16384, r: 8, p: 1, keylen: 32 },
    });
    await staff.setPin(PIN);
    failWrites = true;
    let answered = false;
    const check = staff.verifyPin(S, PIN).finally(() => {
      answered = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 1));
    expect(answered).toBe(false);
    await expect(check).rejects.toMatchObject({ code: 'save_failed' });
  });

  it('checks an override PIN under the same lockout', async () => {
    const staff = makeStaff();
    await staff.setPin(PIN);
    await staff.verifyPin(S, PIN);
    for (let i = 0; i < 4; i++) await staff.verifyPin(S, OTHER).catch(() => undefined);
    await expect(staff.unlock(S, OTHER)).rejects.toMatchObject({ code: 'locked' });
    await expect(staff.verifyPin(S, PIN)).rejects.toMatchObject({ code: 'locked' });
  });

  it('says so when no PIN is set yet', async () => {
    await expect(makeStaff().unlock(S, PIN)).rejects.toMatchObject({ code: 'no_pin' });
  });
});

describe('idle lock', () => {
  it('drops back to cashier after the idle minutes since the last manager activity', async () => {
    const staff = makeStaff();
    await staff.setPin(PIN);
    await staff.unlock(S, PIN);
    expect(staff.role(S)).toBe('manager');
    now += 4 * 60_000;
    staff.touch(S);
    now += 4 * 60_000;
    expect(staff.role(S)).toBe('manager');
    now += 60_000;
    expect(staff.role(S)).toBe('cashier');
    staff.touch(S);
    expect(staff.role(S)).toBe('cashier');
  });

  it('follows a change of the idle setting at once, and 0 turns it off', async () => {
    const staff = makeStaff();
    await staff.setPin(PIN);
    await staff.unlock(S, PIN);
    idleMinutes = 0;
    now += 24 * 60 * 60_000;
    expect(staff.role(S)).toBe('manager');
    idleMinutes = 1;
    expect(staff.role(S)).toBe('cashier');
  });

  it('lock() ends the manager role at once', async () => {
    const staff = makeStaff();
    await staff.setPin(PIN);
    await staff.unlock(S, PIN);
    expect(staff.lock(S)).toBe('cashier');
    expect(staff.role(S)).toBe('cashier');
  });
});

describe('changing and recovering the PIN', () => {
  it('changes the PIN only with the current one', async () => {
    const staff = makeStaff();
    await staff.setPin(PIN);
    await expect(staff.changePin(S, OTHER, '1111')).rejects.toMatchObject({ code: 'wrong_pin' });
    await expect(staff.changePin(S, PIN, '12')).rejects.toMatchObject({ code: 'invalid_pin' });
    await staff.changePin(S, PIN, OTHER);
    staff.lock(S);
    await expect(staff.unlock(S, PIN)).rejects.toMatchObject({ code: 'wrong_pin' });
    expect(await staff.unlock(S, OTHER)).toBe('manager');
  });

  it('recovers only when ownership is proven, and clears the lockout', async () => {
    const staff = makeStaff();
    await staff.setPin(PIN);
    for (let i = 0; i < 5; i++) await staff.unlock(S, OTHER).catch(() => undefined);

    await expect(staff.recoverPin(S, '4444', async () => false)).rejects.toMatchObject({
      code: 'not_owner',
      message: expect.stringContaining('do not match'),
    });
    await expect(staff.unlock(S, '4444')).rejects.toMatchObject({ code: 'locked' });

    await staff.recoverPin(S, '4444', async () => true);
    expect(staff.role(S)).toBe('cashier'); // a recovery opens no desk: the new PIN does
    expect(await staff.unlock(S, '4444')).toBe('manager');
  });

  it('treats a damaged PIN file as locked, never as "no PIN", until recovered', async () => {
    const staff = makeStaff();
    await staff.setPin(PIN);
    await writeFile(staffFile(), '{"version":1,"managerPin":');

    const after = makeStaff();
    expect(await after.hasPin()).toBe(true);
    await expect(after.setPin(OTHER)).rejects.toMatchObject({ code: 'pin_unreadable' });
    await expect(after.unlock(S, PIN)).rejects.toMatchObject({
      code: 'pin_unreadable',
      message: expect.stringContaining('KS Pay access key and secret key'),
    });
    await after.recoverPin(S, OTHER, async () => true);
    after.lock(S);
    expect(await after.unlock(S, OTHER)).toBe('manager');
  });
});

describe('cashiers', () => {
  it('lets the manager add named cashiers who sign in with their own PIN', async () => {
    const staff = makeStaff();
    await staff.setPin(PIN);
    await staff.unlock(S, PIN);
    await staff.addCashier(S, '  Asha ', '2468');
    await staff.addCashier(S, 'Ben', '1357');
    expect(await staff.cashiers()).toEqual(['Asha', 'Ben']);
    await expect(staff.addCashier(S, 'asha', '9999')).rejects.toMatchObject({ code: 'cashier_exists' });

    staff.lock(S);
    expect(await staff.signInCashier('asha', '2468')).toBe('Asha');
    expect(staff.currentCashier()).toBe('Asha');
    expect(staff.role(S)).toBe('cashier');
    await expect(staff.signInCashier('Ben', '2468')).rejects.toMatchObject({ code: 'wrong_pin' });
    await expect(staff.signInCashier('Cleo', '2468')).rejects.toMatchObject({ code: 'unknown_cashier' });
    await staff.signOutCashier();
    expect(staff.currentCashier()).toBeNull();
  });

  it('lets the manager remove a cashier, who then cannot sign in, and signs them out if at the counter', async () => {
    const staff = makeStaff();
    await staff.setPin(PIN);
    await staff.unlock(S, PIN);
    await staff.addCashier(S, 'Asha', '2468');
    await staff.addCashier(S, 'Ben', '1357');
    await staff.signInCashier('Asha', '2468');
    await staff.removeCashier(S, 'asha');
    expect(await staff.cashiers()).toEqual(['Ben']);
    expect(staff.currentCashier()).toBeNull();
    await expect(staff.signInCashier('Asha', '2468')).rejects.toMatchObject({ code: 'unknown_cashier' });
    await expect(staff.removeCashier(S, 'Cleo')).rejects.toMatchObject({ code: 'unknown_cashier' });
    staff.lock(S);
    await expect(staff.removeCashier(S, 'Ben')).rejects.toMatchObject({ code: 'forbidden' });
    expect(await staff.cashiers()).toEqual(['Ben']);
  });

  it('refuses adding a cashier outside the manager role', async () => {
    const staff = makeStaff();
    await staff.setPin(PIN);
    await staff.unlock(S, PIN);
    staff.lock(S);
    await expect(staff.addCashier(S, 'Asha', '2468')).rejects.toMatchObject({ code: 'forbidden' });
  });

  it("locks a cashier's PIN without locking the manager's", async () => {
    const staff = makeStaff();
    await staff.setPin(PIN);
    await staff.unlock(S, PIN);
    await staff.addCashier(S, 'Asha', '2468');
    for (let i = 0; i < 5; i++) await staff.signInCashier('Asha', '0000').catch(() => undefined);
    await expect(staff.signInCashier('Asha', '2468')).rejects.toMatchObject({
      code: 'locked',
      message: expect.stringContaining('ask the manager'),
    });
    staff.lock(S);
    expect(await staff.unlock(S, PIN)).toBe('manager');
  });
});

describe('audit of PIN events', () => {
  it('records failures, lockouts, changes and recoveries, and never a PIN', async () => {
    const staff = makeStaff();
    await staff.setPin(PIN);
    for (let i = 0; i < 5; i++) await staff.unlock(S, OTHER).catch(() => undefined);
    now += 30_000;
    await staff.unlock(S, PIN);
    await staff.changePin(S, PIN, '7788');
    await staff.recoverPin(S, '3344', async () => false).catch(() => undefined);
    await staff.recoverPin(S, '3344', async () => true);

    const actions = (await audit.list()).map((e) => e.action);
    expect(actions).toEqual([
      'pin.set',
      'pin.failed',
      'pin.failed',
      'pin.failed',
      'pin.failed',
      'pin.failed',
      'pin.locked_out',
      'staff.unlocked',
      'pin.changed',
      'pin.recovery_failed',
      'pin.recovered',
    ]);
    const text = await readFile(audit.filePath, 'utf8');
    for (const pin of [PIN, OTHER, '7788', '3344']) expect(text).not.toContain(pin);
  });
});
