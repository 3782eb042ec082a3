import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox } from './index.ts';
import type { Sandbox } from './index.ts';
import { at, call, startCheckout, str, tokens } from './test-support.ts';

let dir: string;
let statePath: string;
let sandbox: Sandbox | undefined;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kspay-sandbox-state-'));
  statePath = join(dir, 'state', 'sandbox.json');
});
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
  await rm(dir, { recursive: true, force: true });
});

describe('--state FILE', () => {
  it('keeps transactions, tokens and open checkouts across a restart', async () => {
    sandbox = await startSandbox({ statePath });
    const paid = await startCheckout(sandbox);
    sandbox.pay(paid.txnId, 'success');
    const open = await startCheckout(sandbox);
    const kept = await tokens(sandbox);
    const used = await tokens(sandbox);
    await call(sandbox.url, 'POST', '/auth/refresh-token', { headers: { authorization: used.refreshToken } });
    const before = sandbox.transactions();
    await sandbox.close();

    sandbox = await startSandbox({ statePath });
    expect(sandbox.transactions()).toEqual(before);
    const headers = { authorization: `Bearer ${kept.accessToken}` };
    const record = await call(sandbox.url, 'GET', `/transaction/txnId/${paid.txnId}`, { headers });
    expect(at(record.body, 'result.status')).toBe('COMPLETED');
    expect(
      (
        await call(sandbox.url, 'POST', '/auth/refresh-token', {
          headers: { authorization: kept.refreshToken },
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await call(sandbox.url, 'POST', '/auth/refresh-token', {
          headers: { authorization: used.refreshToken },
        })
      ).status,
    ).toBe(401);
    const processed = await call(sandbox.url, 'POST', '/transaction/process', {
      headers: { 'x-signature': open.signature },
    });
    expect(processed.status).toBe(201);
    expect(str(processed.body, 'result.order.checkoutUrl')).toBe(`${sandbox.url}/checkout/${open.txnId}`);
  });

  it('writes atomically (no temp file left behind) and never stores a usable token or signature', async () => {
    sandbox = await startSandbox({ statePath });
    const sale = await startCheckout(sandbox);
    const pair = await tokens(sandbox);
    await sandbox.flush();
    expect(await readdir(join(dir, 'state'))).toEqual(['sandbox.json']);
    const text = await readFile(statePath, 'utf8');
    expect(text).toContain(sale.txnId);
    for (const secret of [
      pair.accessToken,
      pair.refreshToken,
      sale.signature,
      sandbox.credentials.secretKey,
    ]) {
      expect(text).not.toContain(secret);
    }
  });

  it('does not seed again on top of a saved history', async () => {
    sandbox = await startSandbox({ statePath, seedTransactions: 100 });
    await sandbox.close();
    sandbox = await startSandbox({ statePath, seedTransactions: 100 });
    expect(sandbox.transactions()).toHaveLength(100);
  });

  it('refuses to start on a damaged file, saying what to do', async () => {
    await rm(join(dir, 'state'), { recursive: true, force: true });
    await writeFile(join(dir, 'broken.json'), '{"version": 1, "transactions": [');
    await expect(startSandbox({ statePath: join(dir, 'broken.json') })).rejects.toThrow(
      /not valid JSON: move it aside/,
    );
    await writeFile(join(dir, 'other.json'), '{"version": 7}');
    await expect(startSandbox({ statePath: join(dir, 'other.json') })).rejects.toThrow(/not sandbox state/);
  });

  it('keeps state in memory only without a state file', async () => {
    sandbox = await startSandbox({});
    await startCheckout(sandbox);
    await sandbox.close();
    sandbox = await startSandbox({});
    expect(sandbox.transactions()).toEqual([]);
  });
});
