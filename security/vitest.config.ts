// Vitest for the security checks (npm run security), kept apart from the unit suite's projects.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    name: 'security',
    include: ['security/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
