// Finds KS Pay secrets in text: the demo keys, JWT access tokens, refresh tokens and x-signatures.
// Used on everything the app wrote during the e2e run (data dirs, logs, recorded bridge replies).

export interface SecretHit {
  /** File path (with `!entry` for a file inside a zip). */
  file: string;
  line: number;
  kind: string;
  /** The first characters only, so the report itself does not leak the secret. */
  preview: string;
}

interface Detector {
  kind: string;
  pattern: RegExp;
  /** Return false to let a match through (e.g. a digest labelled as such). */
  accept?: (text: string, index: number, file: string) => boolean;
}

// A 64-hex value right after a field named like a digest is a hash (Z-report chain, stored secret
// hashes), which is what a secret should become; a bare one, or under any other name, is a signature.
// JSON (`"hash":"…"`), key=value and CSV cells (`Hash,…`, as in an exported Z report) all count.
const DIGEST_LABEL =
  /(hash|digest|sha256|sha-256|checksum|integrity|fingerprint)[A-Za-z0-9_-]*["']?\s*[:=,\t]\s*["']?$/i;
// The built-in Demo sandbox keeps its own JWT signing key in its state file so its tokens survive a
// restart. That key belongs to the pretend server, not to the terminal, and opens nothing real.
const SANDBOX_SIGNING_KEY = {
  file: /(^|[/\\!])sandbox-state\.json$/,
  before: /"auth"\s*:\s*\{\s*"secret"\s*:\s*"$/,
};

// What precedes a match, with JSON-in-JSON escaping removed (recorded replies hold JSON as a string).
function contextBefore(text: string, index: number, length: number): string {
  return text.slice(Math.max(0, index - length), index).replace(/\\/g, '');
}

function isSandboxSigningKey(text: string, index: number, file: string): boolean {
  return (
    SANDBOX_SIGNING_KEY.file.test(file) && SANDBOX_SIGNING_KEY.before.test(contextBefore(text, index, 40))
  );
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function detectors(knownSecrets: readonly string[]): Detector[] {
  return [
    ...knownSecrets
      .filter((secret) => secret.length >= 8)
      .map((secret) => ({ kind: 'known key', pattern: new RegExp(escape(secret), 'g') })),
    { kind: 'JWT', pattern: /eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g },
    { kind: 'refresh token', pattern: /\brt_[0-9a-f]{32,}/g },
    { kind: 'bearer token', pattern: /\bBearer\s+(?!\[redacted)[A-Za-z0-9._~+/-]{16,}/g },
    {
      kind: 'signature',
      pattern: /(?<![0-9a-fA-F])[0-9a-fA-F]{64}(?![0-9a-fA-F])/g,
      accept: (text, index, file) =>
        !DIGEST_LABEL.test(contextBefore(text, index, 56)) && !isSandboxSigningKey(text, index, file),
    },
  ];
}

/** Every secret-looking match in one text, with its line number. */
export function scanText(file: string, text: string, knownSecrets: readonly string[]): SecretHit[] {
  const hits: SecretHit[] = [];
  const lineStarts = [0];
  for (let i = 0; i < text.length; i += 1) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const lineOf = (index: number): number => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= index) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  };
  for (const detector of detectors(knownSecrets)) {
    for (const match of text.matchAll(detector.pattern)) {
      const index = match.index;
      if (detector.accept && !detector.accept(text, index, file)) continue;
      hits.push({ file, line: lineOf(index), kind: detector.kind, preview: `${match[0].slice(0, 6)}…` });
    }
  }
  return hits.sort((a, b) => a.line - b.line);
}

/**
 * The owner-only key file (`keys.json`, and a damaged one set aside beside it) holds the KS Pay keys by
 * design, where the manager chose it on a computer with no working keychain: it is the one file allowed
 * to, and only while no one but its owner can read it (0600). Any wider mode is a finding.
 */
const OWNER_ONLY_KEY_FILE = /(^|[/\\])keys\.json(\.damaged-[0-9a-f]{8})?$/;

export type KeyFileVerdict = 'not-a-key-file' | 'owner-only' | 'readable-by-others';

export function keyFileVerdict(file: string, mode: number): KeyFileVerdict {
  if (!OWNER_ONLY_KEY_FILE.test(file)) return 'not-a-key-file';
  return (mode & 0o077) === 0 ? 'owner-only' : 'readable-by-others';
}
