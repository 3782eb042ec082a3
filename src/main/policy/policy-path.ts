// Where IT places the machine policy on each operating system (a folder only administrators can write).
import { posix, win32 } from 'node:path';

export function defaultPolicyPath(
  platform: NodeJS.Platform,
  env: Readonly<Record<string, string | undefined>>,
): string {
  switch (platform) {
    case 'win32':
      return win32.join(env['ProgramData'] ?? 'C:\\ProgramData', 'KS Pay POS', 'policy.json');
    case 'darwin':
      return posix.join('/Library/Application Support/KS Pay POS', 'policy.json');
    default:
      return posix.join('/etc/ks-pay-pos', 'policy.json');
  }
}
