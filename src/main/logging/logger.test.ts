// The file logger against real files: JSON lines, levels, redaction at the source, size-based rotation.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from './logger.ts';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kspay-log-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const fixedClock = { now: () => Date.UTC(2026, 10, 29, 9, 30, 0) };
const lines = (path: string): Array<Record<string, unknown>> =>
  readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe('createLogger', () => {
  it('writes one JSON line per entry with time, level, message and fields', () => {
    const dir = tempDir();
    const log = createLogger({ dir: join(dir, 'logs'), level: 'debug', clock: fixedClock });
    log.info('sale started', { reference: 'POS-1', amountMinor: 34567 });
    log.error('sale failed');
    expect(lines(log.path)).toEqual([
      {
        t: '2026-11-29T09:30:00.000Z',
        level: 'info',
        msg: 'sale started',
        fields: { reference: 'POS-1', amountMinor: 34567 },
      },
      { t: '2026-11-29T09:30:00.000Z', level: 'error', msg: 'sale failed' },
    ]);
  });

  it('drops entries below the configured level', () => {
    const log = createLogger({ dir: tempDir(), level: 'warn', clock: fixedClock });
    log.debug('noise');
    log.info('noise');
    log.warn('kept');
    expect(lines(log.path).map((entry) => entry['level'])).toEqual(['warn']);
  });

  it('never writes keys, tokens or signatures to disk', () => {
    const log = createLogger({ dir: tempDir(), level: 'debug', clock: fixedClock });
    const token = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJwb3MiLCJleHAiOjE3OTYwMDAwMDB9.q1w2e3r4t5y6u7i8o9p0';
    log.info(`token refreshed: ${token}`, {
      secretKey: 'sk_demo_9f8e7d6c',
      headers: { 'x-signature': '7b452bc7f5adfe1d65e0c1d2e3f4a5b6c7d8e9f0' },
    });
    log.warn('request failed', { error: new Error(`401 for Authorization: Bearer ${token}`) });
    const text = readFileSync(log.path, 'utf8');
    for (const secret of [token, 'sk_demo_9f8e7d6c', '7b452bc7f5adfe1d65e0c1d2e3f4a5b6c7d8e9f0'])
      expect(text).not.toContain(secret);
    expect(text).toContain('token refreshed');
  });

  it('rotates by size and keeps only the newest N archives, oldest lines dropped first', () => {
    const dir = tempDir();
    const log = createLogger({ dir, level: 'info', clock: fixedClock, maxBytes: 400, keep: 3 });
    for (let n = 0; n < 60; n += 1) log.info(`entry ${String(n).padStart(3, '0')}`);
    expect(readdirSync(dir).sort()).toEqual(['main.1.log', 'main.2.log', 'main.3.log', 'main.log']);
    for (const file of log.files()) expect(statSync(file).size).toBeLessThanOrEqual(400);
    // Newest first across files: reading archives from oldest to the live file gives the tail in order.
    const kept = [...log.files()].reverse().flatMap((file) => lines(file).map((entry) => entry['msg']));
    expect(kept.at(-1)).toBe('entry 059');
    expect(kept).toEqual(kept.slice().sort());
    expect(kept).not.toContain('entry 000');
    expect(kept.length).toBeGreaterThan(10);
  });

  it('continues an existing log file after a restart and rotates it when full', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'main.log'), `${'x'.repeat(390)}\n`);
    const log = createLogger({ dir, level: 'info', clock: fixedClock, maxBytes: 400, keep: 2 });
    log.info('after restart');
    expect(readFileSync(join(dir, 'main.1.log'), 'utf8')).toBe(`${'x'.repeat(390)}\n`);
    expect(lines(log.path).map((entry) => entry['msg'])).toEqual(['after restart']);
  });

  it('keeps working without throwing when the log folder becomes unwritable', () => {
    const dir = tempDir();
    const log = createLogger({ dir: join(dir, 'logs'), level: 'info', clock: fixedClock });
    rmSync(join(dir, 'logs'), { recursive: true });
    writeFileSync(join(dir, 'logs'), 'a file where the folder was');
    const stderr = process.stderr.write;
    const printed: string[] = [];
    process.stderr.write = ((chunk: string) => {
      printed.push(String(chunk));
      return true;
    }) as typeof process.stderr.write;
    try {
      expect(() => log.error('still fine')).not.toThrow();
      expect(() => log.error('still fine')).not.toThrow();
    } finally {
      process.stderr.write = stderr;
    }
    expect(printed).toHaveLength(1);
    expect(printed[0]).toContain('Could not write the log file');
  });
});
