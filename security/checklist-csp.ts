// The renderer's Content-Security-Policy item of the checklist: a CSP string's problems, and the meta tag of
// src/renderer/index.html read and checked (no inline or remote scripts either).
import type { ChecklistResult, SourceFile } from './checklist-source.ts';

/** Parses a CSP string into directive → sources. */
export function parseCsp(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/** Problems with a production CSP for the renderer (empty when strict enough). */
export function cspProblems(policy: string): string[] {
  const csp = parseCsp(policy);
  const problems: string[] = [];
  const defaults = csp.get('default-src');
  if (!defaults)
    problems.push(
      "no default-src: every resource type not listed is unrestricted; use default-src 'self' or 'none'",
    );
  else if (!defaults.every((source) => ["'self'", "'none'"].includes(source)))
    problems.push(`default-src allows more than the app itself: ${defaults.join(' ')}`);
  const scripts = csp.get('script-src') ?? defaults ?? [];
  for (const source of scripts) {
    if (
      ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "'wasm-unsafe-eval'"].includes(source) ||
      source === '*' ||
      /^(https?|data|blob|ws|wss|file):/.test(source) ||
      /^[a-z0-9.-]+\.[a-z]{2,}/i.test(source)
    ) {
      problems.push(`script-src allows ${source}: only the app's own scripts may run`);
    }
  }
  for (const [name, sources] of csp) {
    if (name.startsWith('script-src-') && sources.some((source) => source.includes('unsafe')))
      problems.push(`${name} allows ${sources.join(' ')}`);
  }
  const objects = csp.get('object-src') ?? defaults ?? [];
  if (objects.join(' ') !== "'none'") problems.push("object-src must be 'none' (no plugins)");
  return problems;
}

function metaCsp(html: string): string | null {
  const match = /<meta\s+[^>]*http-equiv=["']Content-Security-Policy["'][^>]*>/i.exec(html);
  if (!match) return null;
  const content = /content=(["'])([\s\S]*?)\1/i.exec(match[0]);
  return content?.[2] ?? null;
}

export function checkCsp(rendererHtml: SourceFile | null): ChecklistResult {
  const problems: string[] = [];
  if (!rendererHtml) problems.push('src/renderer/index.html is missing');
  else {
    const policy = metaCsp(rendererHtml.text);
    if (policy === null)
      problems.push(`${rendererHtml.path} has no <meta http-equiv="Content-Security-Policy">`);
    else problems.push(...cspProblems(policy).map((problem) => `${rendererHtml.path}: ${problem}`));
    if (/<script[^>]*\bsrc=["']?(https?:)?\/\//i.test(rendererHtml.text))
      problems.push(`${rendererHtml.path} loads a remote script`);
    if (/<script(?![^>]*\bsrc=)[^>]*>\s*\S/i.test(rendererHtml.text))
      problems.push(`${rendererHtml.path} has an inline script; the CSP forbids them, move it to a module`);
  }
  return {
    id: 'csp-strict',
    title: "strict CSP in production: no 'unsafe-inline'/'unsafe-eval' scripts, no remote scripts",
    problems,
  };
}
