import { describe, expect, it } from 'vitest';
import { silentLogger } from '../deps.ts';
import { createPrefixGuard, firstStartPrefix, foreignUseOf } from './prefix-guard.ts';

const id = '0MJ3K2ZQ4ABCD1234';
const records = (...references: string[]) => references.map((referenceNumber) => ({ referenceNumber }));

describe('foreignUseOf', () => {
  it("finds today's records with the prefix that this terminal did not make", () => {
    const own = new Set([`POS-${id}`]);
    expect(foreignUseOf('POS', records(`POS-${id}`, 'WEB-1', `C2-${id}`), own)).toBeNull();
    expect(foreignUseOf('POS', records(`POS-${id}`, `POS-${id.replace('1234', '9999')}`), own)).toEqual({
      prefix: 'POS',
      count: 1,
      example: `POS-0MJ3K2ZQ4ABCD9999`,
    });
    // A record of another shape that merely starts with the prefix is not a terminal's (see terminal-of.ts).
    expect(foreignUseOf('POS', records('POS-1001'), new Set())).toBeNull();
  });
});

describe('firstStartPrefix', () => {
  it('takes up to three letters or digits of the computer name and three random characters', () => {
    const zeros = (size: number) => new Uint8Array(size);
    expect(firstStartPrefix('till-7.shop.local', zeros)).toBe('TIL000');
    expect(firstStartPrefix('a7', () => Uint8Array.from([1, 2, 31]))).toBe('A712Z');
    expect(firstStartPrefix('---', zeros)).toBe('POS000');
    for (const name of ['x', 'counter-12', 'ÄÖÜ', ''])
      expect(firstStartPrefix(name)).toMatch(/^[A-Z0-9]{1,6}$/);
  });
});

describe('createPrefixGuard', () => {
  function guard(listed: () => Promise<readonly { referenceNumber: string }[]>, prefix = { now: 'POS' }) {
    const asked: string[] = [];
    const service = createPrefixGuard({
      source: async () => ({
        transactions: async (query) => {
          asked.push(query.from);
          return listed();
        },
        ownReferences: () => new Set([`POS-${id}`]),
      }),
      prefix: () => prefix.now,
      clock: { now: () => Date.parse('2026-11-02T10:00:00.000Z') },
      timeZone: 'Asia/Kolkata',
      log: silentLogger,
    });
    return { service, asked, prefix };
  }

  it("refuses a prefix another terminal's records use today, asking the server for today only", async () => {
    const { service, asked } = guard(async () => records(`C2-${id}`));
    await expect(service.requireFree('C2')).rejects.toMatchObject({
      code: 'prefix_in_use',
      message: expect.stringMatching(/such as C2-0MJ3K2ZQ4ABCD1234.*choose another prefix/),
    });
    await expect(service.requireFree('C3')).resolves.toBeUndefined();
    // Midnight in Kolkata, as an instant.
    expect(asked[0]).toBe('2026-11-01T18:30:00.000Z');
  });

  it('lets a new prefix through when the server cannot be asked', async () => {
    const { service } = guard(async () => {
      throw new Error('offline');
    });
    await expect(service.requireFree('C2')).resolves.toBeUndefined();
  });

  it('pauses sales after a start-up check finds a clash, until the prefix is changed', async () => {
    const { service, prefix } = guard(async () => records(`POS-${id}`, `POS-${id.replace('ABCD', 'WXYZ')}`));
    expect(() => service.requireNoConflict()).not.toThrow();
    expect(await service.checkCurrent()).toMatchObject({ prefix: 'POS', count: 1 });
    expect(() => service.requireNoConflict()).toThrow(
      /takes no payments until the manager chooses another prefix/,
    );
    prefix.now = 'C9';
    expect(() => service.requireNoConflict()).not.toThrow();
  });
});
