import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BrowserArgsError, parseBrowserArgs } from './cli-args.ts';

describe('browser mode arguments', () => {
  it('reads port, data folder and the sandbox switches', () => {
    const command = parseBrowserArgs(
      ['--port', '0', '--data-dir', 'tmp/pos', '--sandbox-admin', '--sandbox-latency', '250'],
      'out/renderer',
    );
    expect(command).toEqual({
      help: false,
      options: {
        port: 0,
        dataDir: resolve('tmp/pos'),
        rendererDir: resolve('out/renderer'),
        sandboxAdmin: true,
        sandboxLatencyMs: 250,
        logLevel: 'info',
        openerFile: false,
      },
    });
  });

  it('writes an opener file only when --opener-file asks for one', () => {
    const withOpener = parseBrowserArgs(['--data-dir', 'x', '--opener-file'], 'out/renderer');
    expect(withOpener.help === false && withOpener.options.openerFile).toBe(true);
  });

  it('bounds the live KS Pay listings only when a test switch asks, refusing a bound of 0', () => {
    const bounded = parseBrowserArgs(
      ['--data-dir', 'x', '--list-max-records', '5000', '--list-deadline', '2000'],
      'out/renderer',
    );
    expect(bounded.help === false && bounded.options.listLimits).toEqual({
      maxListRecords: 5000,
      listDeadlineMs: 2000,
    });
    const plain = parseBrowserArgs(['--data-dir', 'x'], 'out/renderer');
    expect(plain.help === false && plain.options.listLimits).toBeUndefined();
    expect(() => parseBrowserArgs(['--data-dir', 'x', '--list-deadline', '0'], 'out/renderer')).toThrow(
      new BrowserArgsError('--list-deadline must be a whole number from 1 to 3600000, not "0".'),
    );
  });

  it('says in plain words what is wrong with an argument', () => {
    expect(() => parseBrowserArgs(['--port', '5180'], 'out/renderer')).toThrow(/--data-dir is required/);
    expect(() => parseBrowserArgs(['--port', 'eighty', '--data-dir', 'x'], 'out/renderer')).toThrow(
      new BrowserArgsError('--port must be a whole number from 0 to 65535, not "eighty".'),
    );
    expect(() => parseBrowserArgs(['--data-dir', 'x', '--sandbox'], 'out/renderer')).toThrow(
      BrowserArgsError,
    );
    expect(() => parseBrowserArgs(['--data-dir', 'x', '--log-level', 'loud'], 'out/renderer')).toThrow(
      /debug, info, warn or error/,
    );
  });

  it('reads the machine policy file only when --policy names one', () => {
    const withPolicy = parseBrowserArgs(['--data-dir', 'x', '--policy', 'tmp/policy.json'], 'out/renderer');
    expect(withPolicy.help === false && withPolicy.options.policyPath).toBe(resolve('tmp/policy.json'));
    const without = parseBrowserArgs(['--data-dir', 'x'], 'out/renderer');
    expect(without.help === false && 'policyPath' in without.options).toBe(false);
  });

  it('asks for help', () => {
    expect(parseBrowserArgs(['--help'], 'out/renderer')).toEqual({ help: true });
  });
});
