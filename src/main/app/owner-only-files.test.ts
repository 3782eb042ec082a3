// The data folder, settings.json and logs/main.log are the terminal's owner's alone: a folder an older
// version left world-readable is put right at start, and what the terminal writes is born owner-only.
import { chmod, mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Sandbox } from '../../sandbox/index.ts';
import { systemClock } from '../deps.ts';
import { createLogger } from '../logging/index.ts';
import { createPosApp, type PosApp } from './pos-app.ts';
import { contractCaller } from './testing/contract-caller.ts';
import { closeSandboxes, testAppOptions } from './testing/test-app.ts';

let root: string;
let dataDir: string;
let app: PosApp | null = null;
const sandboxes: Sandbox[] = [];

const modeOf = async (path: string): Promise<number> => (await stat(path)).mode & 0o777;

function startApp(): PosApp {
  const logDir = join(dataDir, 'logs');
  const log = createLogger({ dir: logDir, level: 'info', clock: systemClock });
  app = createPosApp({ ...testAppOptions(dataDir, sandboxes), logDir, log });
  return app;
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'owner-only-'));
  dataDir = join(root, 'data');
});

afterEach(async () => {
  await app?.close();
  app = null;
  await closeSandboxes(sandboxes);
  await rm(root, { recursive: true, force: true });
});

it.skipIf(process.platform === 'win32')(
  'puts a world-readable data folder, settings.json and logs/main.log right at start',
  async () => {
    await mkdir(join(dataDir, 'logs'), { recursive: true });
    await writeFile(join(dataDir, 'settings.json'), '{}\n');
    await writeFile(join(dataDir, 'logs', 'main.log'), '');
    await chmod(dataDir, 0o755);
    await chmod(join(dataDir, 'logs'), 0o755);
    await chmod(join(dataDir, 'settings.json'), 0o644);
    await chmod(join(dataDir, 'logs', 'main.log'), 0o644);

    const running = startApp();
    await running.start();
    await contractCaller(running).call('setup.startDemo');

    expect(await modeOf(dataDir)).toBe(0o700);
    expect(await modeOf(join(dataDir, 'logs'))).toBe(0o700);
    expect(await modeOf(join(dataDir, 'settings.json'))).toBe(0o600);
    expect(await modeOf(join(dataDir, 'logs', 'main.log'))).toBe(0o600);
  },
);

it.skipIf(process.platform === 'win32')(
  'makes a new terminal’s folder, settings and log owner-only whatever the umask',
  async () => {
    const umask = process.umask(0o022);
    try {
      const running = startApp();
      await running.start();
      const counter = contractCaller(running);
      await counter.call('setup.startDemo');
      await counter.call('setup.setPin', { pin: '2580', confirm: '2580' });
      await counter.call('staff.unlock', { pin: '2580' });
      await counter.call('settings.update', { terminalName: 'Counter 9' });
    } finally {
      process.umask(umask);
    }
    expect(await modeOf(dataDir)).toBe(0o700);
    expect(await modeOf(join(dataDir, 'logs'))).toBe(0o700);
    expect(await modeOf(join(dataDir, 'settings.json'))).toBe(0o600);
    expect(await modeOf(join(dataDir, 'logs', 'main.log'))).toBe(0o600);
  },
);
