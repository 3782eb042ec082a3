// The manager desk's lazy chunk. It is fetched as soon as the PIN prompt shows, so it is parsed while
// the manager types and main checks the PIN, not after. It holds code only: no data reaches the page
// before main has confirmed the PIN (the desk's calls are refused without the manager role).
import type * as DeskModule from '../desk/index.tsx';

type DeskChunk = typeof DeskModule;

let chunk: Promise<DeskChunk> | null = null;
let loaded: DeskChunk | null = null;

export function loadDeskChunk(): Promise<DeskChunk> {
  chunk ??= import('../desk/index.tsx').then(
    (desk) => (loaded = desk),
    (error: unknown) => {
      // A failed fetch (e.g. the terminal restarting) is tried again on the next use, not remembered.
      chunk = null;
      throw error;
    },
  );
  return chunk;
}

/**
 * The chunk once it has loaded, else null. Rendering it directly skips React.lazy's suspend, whose fallback
 * React keeps on screen for at least 300 ms (its Suspense throttling) even when the code is already here.
 */
export function loadedDeskChunk(): DeskChunk | null {
  return loaded;
}
