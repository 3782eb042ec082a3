import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openerHtml, writeOpenerFile } from './opener-file.ts';

const parent = mkdtempSync(join(tmpdir(), 'kspay-opener-test-'));
afterAll(() => rmSync(parent, { recursive: true, force: true }));

const ADDRESS = 'http://127.0.0.1:5180/#pair=abc_DEF-123';

describe('writeOpenerFile', () => {
  it('writes a page only its owner can read, in a folder only its owner can enter, with no code in the path', () => {
    const opener = writeOpenerFile(ADDRESS, parent);
    expect(opener.path).not.toContain('abc_DEF-123');
    expect(statSync(opener.path).mode & 0o777).toBe(0o600);
    expect(statSync(dirname(opener.path)).mode & 0o777).toBe(0o700);
    const html = readFileSync(opener.path, 'utf8');
    expect(html).toContain(`<meta http-equiv="refresh" content="0;url=${ADDRESS}">`);
    expect(html).toContain(`location.replace(${JSON.stringify(ADDRESS)})`);
    opener.remove();
    expect(existsSync(dirname(opener.path))).toBe(false);
    opener.remove();
  });

  it('escapes an address so it cannot end the attribute or the script', () => {
    const html = openerHtml('http://x/"></script><b>');
    expect(html).not.toContain('"></script><b>');
    expect(html).toContain('&quot;&gt;&lt;/script&gt;&lt;b&gt;');
    expect(html).toContain('\\u003c/script>\\u003cb>');
  });
});
