// The built renderer's files for browser mode: hashed assets (`/assets/name-HASH.js`) are read once per
// start, kept in memory and marked immutable (a reload takes them from the browser's cache); any other
// file is read on each request, since a rebuild may change it under the same name.
// Not compressed: on loopback the bytes cost nothing, and measured cold starts (bench 6b) were slower
// with gzip (the browser inflating ~280 KB of script on the page's critical path) than without.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { readStaticFile, type StaticFile } from '../main/renderer-assets/index.ts';

/** Vite's `[name]-[hash].[ext]` under assets/: the name changes whenever the content does. */
const HASHED_ASSET = /^\/assets\/[^/]+-[A-Za-z0-9_-]{8}\.[a-z0-9]+$/;

export interface StaticResponse {
  headers: Record<string, string>;
  body: Buffer;
}

export interface StaticAssets {
  /** The response for a GET of `urlPath`, or null when there is no such file. */
  get(urlPath: string): Promise<StaticResponse | null>;
  /** Reads the hashed assets now, so the first page load does not wait for the disk. */
  warm(): Promise<void>;
}

export function createStaticAssets(rendererDir: string): StaticAssets {
  const cache = new Map<string, Promise<StaticFile | null>>();

  function hashedAsset(urlPath: string): Promise<StaticFile | null> {
    let entry = cache.get(urlPath);
    if (!entry) {
      entry = readStaticFile(rendererDir, urlPath);
      // A missing file is not remembered: it may be built later.
      void entry.then((file) => {
        if (!file) cache.delete(urlPath);
      });
      cache.set(urlPath, entry);
    }
    return entry;
  }

  return {
    async get(urlPath) {
      if (!HASHED_ASSET.test(urlPath)) {
        const file = await readStaticFile(rendererDir, urlPath);
        if (!file) return null;
        return {
          headers: { 'content-type': file.contentType, 'cache-control': 'no-cache' },
          body: file.body,
        };
      }
      const file = await hashedAsset(urlPath);
      if (!file) return null;
      return {
        headers: { 'content-type': file.contentType, 'cache-control': 'public, max-age=31536000, immutable' },
        body: file.body,
      };
    },
    async warm() {
      let names: string[];
      try {
        names = await readdir(join(rendererDir, 'assets'));
      } catch {
        return; // not built yet: requests say so
      }
      await Promise.all(
        names
          .map((name) => `/assets/${name}`)
          .filter((urlPath) => HASHED_ASSET.test(urlPath))
          .map((urlPath) => hashedAsset(urlPath)),
      );
    },
  };
}
