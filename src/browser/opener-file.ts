// A private file that forwards a browser to the one-time address, so whatever opens the browser
// (xdg-open, a desktop launcher) is given a path with no code in it: a command line is readable by
// every user of the computer in /proc/PID/cmdline, a file 0600 in a fresh 0700 folder is not.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface OpenerFile {
  /** The HTML file to open: its path holds no code. */
  readonly path: string;
  /** Deletes the file and its folder; safe to call more than once. */
  remove(): void;
}

const HTML_ATTRIBUTE_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '"': '&quot;',
  '<': '&lt;',
  '>': '&gt;',
  "'": '&#39;',
};

function attribute(text: string): string {
  return text.replace(/[&"<>']/g, (c) => HTML_ATTRIBUTE_ESCAPES[c] ?? c);
}

/** The page: a script replaces itself with the address (no history entry), a meta refresh if scripts are off. */
export function openerHtml(address: string): string {
  // JSON is a JS string literal; escaping `<` keeps `</script>` from ending the script early.
  const literal = JSON.stringify(address).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="referrer" content="no-referrer">
<meta http-equiv="refresh" content="0;url=${attribute(address)}">
<title>Opening KS Pay POS…</title>
<script>location.replace(${literal});</script>
</head>
<body><p>Opening KS Pay POS… If nothing happens, open the one-time address printed in the terminal window.</p></body>
</html>
`;
}

export function writeOpenerFile(address: string, parent: string = tmpdir()): OpenerFile {
  const folder = mkdtempSync(join(parent, 'kspay-open-'));
  // mkdtemp already makes it 0700; said again so a umask or platform quirk cannot widen it.
  chmodSync(folder, 0o700);
  const path = join(folder, 'open.html');
  writeFileSync(path, openerHtml(address), { mode: 0o600, flag: 'wx' });
  return {
    path,
    remove: () => rmSync(folder, { recursive: true, force: true }),
  };
}
