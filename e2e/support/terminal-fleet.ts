// More than one terminal in a test: each its own browser mode (data folder, port) and browser context,
// all connected to one KS Pay server. Each terminal's name and reference prefix are set in one place,
// `writeTerminalIdentity`, before it starts (a policy file may take that job over).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { SETTINGS_MIGRATIONS, targetVersion } from '../../src/main/settings/migrations.ts';
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

/** The terminal's settings file before its first start, naming it and its prefix. */
export function writeTerminalIdentity(dataDir: string, identity: TerminalIdentity): void {
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(
    join(dataDir, 'settings.json'),
    JSON.stringify({
      schemaVersion: targetVersion(SETTINGS_MIGRATIONS),
      terminalName: identity.name,
      referencePrefix: identity.prefix,
    }),
  );
}

/** Starts a terminal in `<workDir>/<prefix>` and a browser context connected to it (its page not opened yet). */
export async function startFleetTerminal(
  browser: Browser,
  workDir: string,
  identity: TerminalIdentity,
  connect: (context: BrowserContext, oneTimeUrl: string) => Promise<void>,
): Promise<FleetTerminal> {
  const dir = join(workDir, identity.prefix);
  writeTerminalIdentity(join(dir, 'data'), identity);
  const mode = await startBrowserMode({ workDir: dir });
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
