import { describe, expect, it } from 'vitest';
import { startupFailure } from './startup-failure.ts';

describe('a start-up failure', () => {
  it('names what failed, the log file and what to do next', () => {
    const shown = startupFailure(
      new Error('The journal folder is not writable'),
      '/home/ana/.config/KS Pay POS/logs/main.log',
    );
    expect(shown.title).toBe('KS Pay POS could not start');
    expect(shown.content).toContain('The journal folder is not writable');
    expect(shown.content).toContain('/home/ana/.config/KS Pay POS/logs/main.log');
    expect(shown.content).toMatch(/Restart KS Pay POS/);
  });

  it('says so when no log was opened yet', () => {
    expect(startupFailure('boom', null).content).toMatch(/No log could be written/);
  });
});
