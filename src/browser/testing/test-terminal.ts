// A browser-mode terminal for tests: a temp folder with a stand-in built renderer (the cashier's page and
// the customer display's), the test app in Demo-ready state, and one close for all of it.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Sandbox } from '../../sandbox/index.ts';
import { closeSandboxes, testAppOptions } from '../../main/app/testing/test-app.ts';
import { startBrowserTerminal, type BrowserTerminal } from '../terminal.ts';

export async function startTestTerminal(name: string): Promise<BrowserTerminal> {
  const root = await mkdtemp(join(tmpdir(), `pos-${name}-`));
  await mkdir(join(root, 'renderer'));
  await writeFile(
    join(root, 'renderer', 'index.html'),
    '<!doctype html><html><head><title>cashier</title></head><body></body></html>',
  );
  await writeFile(join(root, 'renderer', 'customer.html'), '<!doctype html><title>customer</title>');
  const sandboxes: Sandbox[] = [];
  const terminal = await startBrowserTerminal({
    app: testAppOptions(join(root, 'data'), sandboxes),
    server: { rendererDir: join(root, 'renderer'), port: 0 },
  });
  return {
    ...terminal,
    close: async () => {
      await terminal.close();
      await closeSandboxes(sandboxes);
      await rm(root, { recursive: true, force: true });
    },
  };
}
