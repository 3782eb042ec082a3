// More than one terminal in a test: each its own browser mode (data folder, port) and browser context,
// all connected to one KS Pay server. Each terminal's name and reference prefix come from its own machine
// policy file (`writeTerminalPolicy`), as IT deploys counters: locked, so no counter can take another's prefix.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { startBrowserMode, type BrowserMode } from './browser-mode.ts';

export interface TerminalIdentity {
  name: string;
  /** The reference prefix: what tells this terminal's sales from the others' on the shared server. */
  prefix: string;
}

export interface FleetTerminal {
  identity: TerminalIdentity;
  mode: BrowserMode;
  context: BrowserContext;
  page: Page;
}

/** The terminal's machine policy, naming it and locking its prefix; returns the file's path. */
export function writeTerminalPolicy(dir: string, identity: TerminalIdentity): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'policy.json');
  writeFileSync(file, JSON.stringify({ terminalName: identity.name, referencePrefix: identity.prefix }));
  return file;
}

/** Starts a terminal in `<workDir>/<prefix>` and a browser context connected to it (its page not opened yet). */
export async function startFleetTerminal(
  browser: Browser,
  workDir: string,
  identity: TerminalIdentity,
  connect: (context: BrowserContext, oneTimeUrl: string) => Promise<void>,
): Promise<FleetTerminal> {
  const dir = join(workDir, identity.prefix);
  const mode = await startBrowserMode({ workDir: dir, policyFile: writeTerminalPolicy(dir, identity) });
  const context = await browser.newContext({ baseURL: mode.url });
  await connect(context, mode.oneTimeUrl);
  return { identity, mode, context, page: await context.newPage() };
}

export async function stopFleet(terminals: readonly FleetTerminal[]): Promise<void> {
  for (const terminal of terminals) {
    await terminal.context.close();
    await terminal.mode.stop();
  }
}
