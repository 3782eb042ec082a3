// Loads electron-builder.yml exactly as electron-builder does and validates it against its JSON schema,
// without packaging anything (so it runs where the Electron binary is missing).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
// app-builder-lib is electron-builder's engine (same version, pinned by it); its config loader and
// schema check are what `electron-builder` runs first.
const engine = createRequire(join(dirname(require.resolve('electron-builder/package.json')), 'package.json'));
const configModule = engine('app-builder-lib/out/util/config/config.js') as {
  getConfig(
    projectDir: string,
    configPath: string | null,
    configFromOptions: null,
  ): Promise<Record<string, unknown>>;
  validateConfiguration(config: Record<string, unknown>, debugLogger: unknown): Promise<void>;
};
const builderUtil = engine('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

/** The effective configuration, after electron-builder's schema accepted it; throws its own message otherwise. */
export async function loadBuilderConfig(projectDir: string): Promise<Record<string, unknown>> {
  const config = await configModule.getConfig(projectDir, join(projectDir, 'electron-builder.yml'), null);
  await configModule.validateConfiguration(config, new builderUtil.DebugLogger(false));
  return config;
}

export const ELECTRON_BUILDER_VERSION = (require('electron-builder/package.json') as { version: string })
  .version;
