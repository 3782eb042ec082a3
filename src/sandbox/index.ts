// The KS Pay sandbox's public face: start one, and the types to drive it.
export { startSandbox } from './server.ts';
export { DEMO_CREDENTIALS } from './demo-credentials.ts';
export { ALL_HOSTILE_BEHAVIOURS } from './hostile.ts';
export { MAX_PAGE_LIMIT, DEFAULT_PAGE_LIMIT } from './transactions.ts';
export type {
  HostileBehaviour,
  PayResult,
  Sandbox,
  SandboxCredentials,
  SandboxFaults,
  SandboxOptions,
  SandboxStats,
  SandboxTransactionRecord,
  ShapeVariant,
} from './types.ts';
// A saved sandbox seeded with many transactions, for the bench's large days.
export { seedTransactions } from './seed.ts';
export { writeStateAtomically } from './state-file.ts';
