// A small method + path-pattern router (`/transaction/txnId/:txnId`) for the sandbox's handful of routes.
import type { IncomingMessage } from 'node:http';

export interface RouteContext {
  req: IncomingMessage;
  params: Record<string, string>;
  query: URLSearchParams;
}

export interface Route<H> {
  method: string;
  /** Segments; `:name` captures one segment. */
  pattern: string;
  handler: H;
}

export interface RouteMatch<H> {
  route: Route<H>;
  params: Record<string, string>;
}

export interface Router<H> {
  /** The matching route, or `methodNotAllowed` when the path exists under another method. */
  match(method: string, pathname: string): RouteMatch<H> | { methodNotAllowed: true } | undefined;
}

function splitPath(pathname: string): string[] {
  return pathname.split('/').filter((segment) => segment !== '');
}

function matchPattern(pattern: string[], path: string[]): Record<string, string> | undefined {
  if (pattern.length !== path.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const want = pattern[i] ?? '';
    const got = path[i] ?? '';
    if (want.startsWith(':')) {
      try {
        params[want.slice(1)] = decodeURIComponent(got);
      } catch {
        return undefined;
      }
    } else if (want !== got) {
      return undefined;
    }
  }
  return params;
}

/** Literal routes are listed first by the caller, so `/transaction/initiate` wins over `/:currencyId/...`. */
export function createRouter<H>(routes: Route<H>[]): Router<H> {
  const compiled = routes.map((route) => ({ route, segments: splitPath(route.pattern) }));
  return {
    match(method, pathname) {
      const path = splitPath(pathname);
      let otherMethod = false;
      for (const { route, segments } of compiled) {
        const params = matchPattern(segments, path);
        if (!params) continue;
        if (route.method === method) return { route, params };
        otherMethod = true;
      }
      return otherMethod ? { methodNotAllowed: true } : undefined;
    },
  };
}
