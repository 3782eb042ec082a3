// The KS Pay sandbox's /__admin endpoint from a test: fault injection, stats, the true records, and
// settling a checkout without a browser.
import type {
  HostileBehaviour,
  PayResult,
  SandboxFaults,
  SandboxStats,
  SandboxTransactionRecord,
  ShapeVariant,
} from '../../src/sandbox/index.ts';

export interface SandboxAdmin {
  /** The admin base address, ending in /__admin/. */
  readonly url: string;
  faults(): Promise<SandboxFaults>;
  setFaults(faults: Partial<SandboxFaults>): Promise<SandboxFaults>;
  /** Faults back to the start options, stats to zero. */
  reset(): Promise<void>;
  expireTokens(options?: { includeRefreshTokens?: boolean }): Promise<void>;
  stats(): Promise<SandboxStats>;
  /** The sandbox's own records (the truth a sale is checked against), optionally for one reference. */
  transactions(referenceNumber?: string): Promise<SandboxTransactionRecord[]>;
  /** Settles a checkout as the hosted page's buttons would; the redirect is NOT followed. */
  pay(txnId: string, outcome: 'success' | 'failed' | 'cancelled'): Promise<PayResult>;
  setVariant(variant: ShapeVariant): Promise<void>;
  setHostile(hostile: boolean | HostileBehaviour[]): Promise<void>;
}

export function sandboxAdmin(url: string): SandboxAdmin {
  const base = url.endsWith('/') ? url : `${url}/`;
  async function request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const response = await fetch(new URL(path, base), {
      method,
      ...(body === undefined
        ? {}
        : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`sandbox admin ${method} ${path} answered ${response.status}: ${text}`);
    return JSON.parse(text) as T;
  }
  return {
    url: base,
    faults: async () => (await request<{ faults: SandboxFaults }>('GET', 'faults')).faults,
    setFaults: async (faults) => (await request<{ faults: SandboxFaults }>('POST', 'faults', faults)).faults,
    reset: async () => void (await request('POST', 'reset', {})),
    expireTokens: async (options = {}) => void (await request('POST', 'expire-tokens', options)),
    stats: () => request<SandboxStats>('GET', 'stats'),
    transactions: async (referenceNumber) =>
      (
        await request<{ items: SandboxTransactionRecord[] }>(
          'GET',
          referenceNumber
            ? `transactions?referenceNumber=${encodeURIComponent(referenceNumber)}`
            : 'transactions',
        )
      ).items,
    pay: (txnId, outcome) => request<PayResult>('POST', 'pay', { txnId, outcome }),
    setVariant: async (variant) => void (await request('POST', 'variant', { variant })),
    setHostile: async (hostile) => void (await request('POST', 'hostile', { hostile })),
  };
}
