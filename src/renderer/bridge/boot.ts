// Runs first (main.tsx imports it before anything else): starts the first screen's calls to main
// while the browser is still parsing and running the rest of the bundle, React included.
import { prefetchStartupCalls } from './startup-calls.ts';
import { windowTransport } from './window-transport.ts';

void prefetchStartupCalls(windowTransport(window));
