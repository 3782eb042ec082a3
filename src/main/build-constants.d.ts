// Values electron.vite.config.ts writes into the main bundle at build time (`define`). Read them only
// through their zod schema (readUpdateBuild): a build without them must still start.

/** The raw update settings of this build (RawUpdateBuild's shape). */
declare const __KSPAY_UPDATE_BUILD__: unknown;
