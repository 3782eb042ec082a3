// The public face of the KS Pay sandbox: what Demo mode, tests and benchmarks drive.
import type { Clock } from '../main/deps.ts';

/**
 * Which documented response shape the sandbox serves (the guide is inconsistent; a real server may
 * use any of them): `s2s` = currencies { id, code, ... }, methods { id }, results inside `result`;
 * `npm` = currencies { currencyId, name }, methods { paymentMethodId, name }, results at the top level.
 */
export type ShapeVariant = 's2s' | 'npm';

export interface SandboxCredentials {
  appId: string;
  accessKey: string;
  secretKey: string;
}

export interface SandboxOptions {
  /** 0 = any free port. */
  port?: number;
  host?: string;
  /** Added before every reply. */
  latencyMs?: number;
  /** Access-token lifetime; default 900 s. */
  tokenTtlSec?: number;
  /** How long a checkout stays open before the transaction EXPIRES; default 900 s. */
  checkoutTtlSec?: number;
  seedTransactions?: number;
  /** Persist state to this file across restarts. */
  statePath?: string;
  /** Enables the /__admin fault-injection endpoint. */
  admin?: boolean;
  variant?: ShapeVariant;
  /** Serves malicious-but-plausible replies (hostile-input testing). */
  hostile?: boolean;
  credentials?: SandboxCredentials;
  clock?: Clock;
  /** Requests per second per token before 429; default unlimited. */
  rateLimitPerSecond?: number;
}

export interface SandboxFaults {
  latencyMs: number;
  /** Destroy the socket without a reply for the next N requests. */
  dropNext: number;
  /** Reply 500 to the next N requests. */
  fail500Next: number;
  /** Commit the next N write requests (initiate/process) and then never reply. */
  timeoutAfterCommitNext: number;
  /** The next redirect says success while the record says FAILED. */
  lieInNextRedirect: boolean;
  /** The next redirect is delivered twice. */
  duplicateNextRedirect: boolean;
  /** Only apply drop/500/timeout faults to paths starting with this (e.g. '/transaction/initiate'). */
  pathPrefix?: string;
}

export interface SandboxStats {
  requests: number;
  byRoute: Record<string, number>;
  tokensGenerated: number;
  tokensRefreshed: number;
}

export interface SandboxTransactionRecord {
  txnId: string;
  referenceNumber: string;
  amount: number;
  currency: string;
  status: string;
}

export interface Sandbox {
  url: string;
  port: number;
  credentials: SandboxCredentials;
  faults: {
    set(faults: Partial<SandboxFaults>): void;
    reset(): void;
    expireAllTokens(): void;
  };
  stats(): SandboxStats;
  resetStats(): void;
  transactions(): SandboxTransactionRecord[];
  /** Settles a transaction as the hosted page's buttons would, without a browser. */
  pay(txnId: string, outcome: 'success' | 'failed' | 'cancelled'): { redirectUrl: string };
  setVariant(variant: ShapeVariant): void;
  close(): Promise<void>;
}
