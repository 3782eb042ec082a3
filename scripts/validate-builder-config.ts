// Validates electron-builder.yml against electron-builder's schema: node scripts/validate-builder-config.ts
import { ELECTRON_BUILDER_VERSION, loadBuilderConfig } from './builder-config.ts';

const root = new URL('..', import.meta.url).pathname;
try {
  const config = await loadBuilderConfig(root);
  console.log(
    `electron-builder.yml: valid for electron-builder ${ELECTRON_BUILDER_VERSION} (app id ${String(config['appId'])}, product ${String(config['productName'])}).`,
  );
} catch (error) {
  console.error(
    `electron-builder.yml is not valid: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
}
