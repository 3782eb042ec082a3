import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStaticAssets } from './static-assets.ts';

let dir: string;
const script = 'export const words = "the cashier screen";\n';

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pos-assets-'));
  await mkdir(join(dir, 'assets'));
  await writeFile(join(dir, 'assets', 'index-AbC_12-z.js'), script);
  await writeFile(join(dir, 'assets', 'app.js'), script);
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('static assets', () => {
  it('serves a hashed asset with its type, cacheable for good (its name changes with its content)', async () => {
    const file = await createStaticAssets(dir).get('/assets/index-AbC_12-z.js');
    expect(file?.headers).toEqual({
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': 'public, max-age=31536000, immutable',
    });
    expect(file?.body.toString('utf8')).toBe(script);
  });

  it('reads the hashed assets once per start, ahead of the first request', async () => {
    const assets = createStaticAssets(dir);
    await assets.warm();
    await rm(join(dir, 'assets', 'index-AbC_12-z.js'));
    expect((await assets.get('/assets/index-AbC_12-z.js'))?.body.toString('utf8')).toBe(script);
  });

  it('reads a file without a hash in its name on every request, and has it revalidated', async () => {
    const assets = createStaticAssets(dir);
    expect((await assets.get('/assets/app.js'))?.headers).toEqual({
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': 'no-cache',
    });
    await writeFile(join(dir, 'assets', 'app.js'), 'changed');
    expect((await assets.get('/assets/app.js'))?.body.toString('utf8')).toBe('changed');
  });

  it('answers null for a missing file or a path outside the folder, and serves a file once it is built', async () => {
    const assets = createStaticAssets(dir);
    expect(await assets.get('/assets/later-AbC_12-z.js')).toBeNull();
    expect(await assets.get('/assets/../../etc-AbC_12-z.js')).toBeNull();
    await writeFile(join(dir, 'assets', 'later-AbC_12-z.js'), 'export {};\n');
    expect(await assets.get('/assets/later-AbC_12-z.js')).not.toBeNull();
  });

  it('is empty-handed but fine before anything is built', async () => {
    const assets = createStaticAssets(join(dir, 'missing'));
    await assets.warm();
    expect(await assets.get('/assets/index-AbC_12-z.js')).toBeNull();
  });
});
