// The first screen's calls, started together at page start instead of one after another
// (shared/startup-calls.ts says which). Answers that came with the page (browser mode serves them to a
// connected browser, bridge/startup-data.ts reads them) are taken as they are; the rest are asked now.
// Either way they wait in the transport for the app's identical calls.
import { answerStartupCalls, type StartupAnswer } from '../../shared/startup-calls.ts';
import type { PrefetchingTransport } from './prefetch.ts';

const sameInput = (a: unknown, b: unknown): boolean =>
  JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export function prefetchStartupCalls(
  transport: PrefetchingTransport,
  withPage: readonly StartupAnswer[] = [],
): Promise<void> {
  return answerStartupCalls((name, input) => {
    const found = withPage.find((answer) => answer.name === name && sameInput(answer.input, input));
    return found ? transport.seed(name, input, found.result) : transport.prefetch(name, input);
  });
}
