// Runs first (main.tsx imports it before anything else): the first screen's calls to main. Answers that
// came inside the page (browser mode, a connected browser) are ready at once; the rest start now, while
// the browser is still parsing and running the rest of the bundle, React included.
import { prefetchStartupCalls } from './startup-calls.ts';
import { readStartupData } from './startup-data.ts';
import { windowTransport } from './window-transport.ts';

void prefetchStartupCalls(windowTransport(window), readStartupData(document));
