// Fills in a policy pattern's placeholders for this computer, e.g. `P{hostname}` → `PCOUNTER3`, so one
// policy file can give every counter its own terminal name and reference prefix.
export const PLACEHOLDERS = ['hostname'] as const;

const PLACEHOLDER = /\{([^{}]*)\}/g;

export type Expansion = { ok: true; text: string } | { ok: false; unknown: string };

/** `values` holds each placeholder's text; a `{name}` it does not hold is reported, not left in. */
export function expandPlaceholders(pattern: string, values: Readonly<Record<string, string>>): Expansion {
  let unknown: string | null = null;
  const text = pattern.replace(PLACEHOLDER, (whole, name: string) => {
    const value = Object.hasOwn(values, name) ? values[name] : undefined;
    if (value === undefined) unknown ??= whole;
    return value ?? whole;
  });
  return unknown === null ? { ok: true, text } : { ok: false, unknown };
}

/** The computer's short name (before the first dot), as the operating system reports it. */
export function shortHostname(hostname: string): string {
  return hostname.split('.')[0] ?? hostname;
}

/** A prefix holds only capital letters and digits, so the host name is upper-cased and the rest dropped. */
export function prefixHostname(hostname: string): string {
  return shortHostname(hostname)
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
}
