// `npm run build` once per bench run: figures 5 and 6 measure the renderer exactly as it ships (out/renderer).
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const RENDERER_OUT = fileURLToPath(new URL('../../out/renderer/', import.meta.url));

export type BuildResult = { ok: true; seconds: number } | { ok: false; error: string };

let building: Promise<BuildResult> | null = null;

export function ensureBuilt(): Promise<BuildResult> {
  building ??= new Promise((resolve) => {
    const start = performance.now();
    execFile(
      'npm',
      ['run', '--silent', 'build'],
      { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) {
          const lines = `${stdout}\n${stderr}`.trim().split('\n').filter(Boolean);
          resolve({ ok: false, error: lines.slice(-3).join(' / ') || error.message });
        } else resolve({ ok: true, seconds: (performance.now() - start) / 1000 });
      },
    );
  });
  return building;
}
