import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { RENDERER_CSP, RENDERER_CSP_HEADER } from './renderer-csp.ts';

describe('renderer CSP', () => {
  it('is repeated exactly in the renderer index.html meta tag', async () => {
    const html = await readFile(new URL('../../renderer/index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html);
    expect(meta?.[1]).toBe(RENDERER_CSP);
  });

  it('allows no inline or eval script, no remote source and no framing', () => {
    expect(RENDERER_CSP_HEADER).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
    expect(RENDERER_CSP_HEADER).toContain("script-src 'self'");
    expect(RENDERER_CSP_HEADER).toContain("object-src 'none'");
    expect(RENDERER_CSP_HEADER).toContain("frame-ancestors 'none'");
  });
});
