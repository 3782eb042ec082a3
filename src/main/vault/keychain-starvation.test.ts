// A keychain that never answers holds a real libuv thread per keytar call (here: opening a FIFO nobody
// writes, which blocks a pool thread exactly as a Secret Service call stuck on an unlock prompt does).
// After ten such vault calls the terminal must still write its journal and hash PINs with scrypt.
import { execFileSync } from 'node:child_process';
import { closeSync, constants, openSync } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../deps.ts';
import { createJournal } from '../journal/index.ts';
import { hashPin } from '../staff/index.ts';
import { createVault } from './index.ts';
import type { KeytarLike } from './index.ts';

let dir: string;
let fifo: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'keychain-starvation-'));
  fifo = join(dir, 'never-answers');
  execFileSync('mkfifo', [fifo]);
});
afterEach(async () => {
  // A writer lets every blocked open return, freeing the pool threads the test took.
  const writer = openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK);
  await new Promise((resolve) => setTimeout(resolve, 50));
  closeSync(writer);
  await rm(dir, { recursive: true, force: true });
});

/** keytar whose every call sits on a libuv pool thread until someone opens the FIFO for writing. */
function keytarThatNeverAnswers(): KeytarLike {
  const blockOnePoolThread = async (): Promise<null> => {
    const handle = await open(fifo, 'r');
    await handle.close();
    return null;
  };
  return {
    getPassword: blockOnePoolThread,
    setPassword: async () => {
      await blockOnePoolThread();
    },
    deletePassword: async () => {
      await blockOnePoolThread();
      return false;
    },
  };
}

function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_resolve, reject) =>
      setTimeout(() => reject(new Error(`${what} stalled for ${ms} ms`)), ms),
    ),
  ]);
}

describe('a keychain that never answers', () => {
  it('leaves the journal and scrypt their threads after ten vault calls', async () => {
    const vault = createVault({
      keytar: keytarThatNeverAnswers(),
      filePath: join(dir, 'keys.enc.json'),
      timeoutMs: 20,
      log: silentLogger,
      platform: 'linux',
    });
    for (let i = 0; i < 10; i += 1) {
      await expect(i % 2 === 0 ? vault.get('default') : vault.has('default')).rejects.toMatchObject({
        code: 'timeout',
      });
    }
    await vault.status();

    const journal = createJournal({
      dir: join(dir, 'journal'),
      clock: { now: () => Date.now() },
      log: silentLogger,
    });
    await within(
      3000,
      'the journal write',
      journal.append({
        kind: 'issue',
        issue: {
          id: 'server_only:tx_1',
          kind: 'server_only',
          txnId: 'tx_1',
          explanation: 'x',
          reviewed: false,
        },
      }),
    );
    await journal.close();
    const hash = await within(3000, 'scrypt', hashPin('2468', { N: 2 ** 10, r: 8, p: 1, keylen: 32 }));
    expect(hash.algorithm).toBe('scrypt');
  });
});
