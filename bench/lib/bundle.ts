// Bundles a bench page's entry with the project's Vite (production mode, minified), into one IIFE script
// a Chromium page can run: the shared code measured in the browser engine the desk runs in.
import { build } from 'vite';

export async function bundleForPage(entry: string, globalName: string): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    mode: 'production',
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      lib: { entry, formats: ['iife'], name: globalName, fileName: 'bench-page' },
    },
  });
  const results = Array.isArray(output) ? output : [output];
  for (const result of results) {
    if (!('output' in result)) continue;
    for (const chunk of result.output) if (chunk.type === 'chunk' && chunk.isEntry) return chunk.code;
  }
  throw new Error(`Vite produced no script for ${entry}.`);
}
