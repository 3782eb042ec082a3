// The fixed demo keys of the built-in sandbox: recognisable on sight, and worthless anywhere else.
import type { SandboxCredentials } from './types.ts';

export const DEMO_CREDENTIALS: Readonly<SandboxCredentials> = Object.freeze({
  appId: 'ap_demo_pos',
  accessKey: 'ak_demo_pos_public_4f1c2b7e',
  secretKey: 'sk_demo_pos_secret_9e7d3a51',
});
