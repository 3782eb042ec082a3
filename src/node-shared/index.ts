// Node code shared by main, the sandbox and browser mode (never the renderer): durable file writes, the data-folder lock, owner-only modes, the command-line programs' signal and failure handling.
export {
  removeFileDurably,
  removeStaleTemps,
  writeFileDurably,
  type DurableWriteOptions,
} from './durable-file.ts';
export {
  DATA_FOLDER_LOCK_NAME,
  DataFolderInUseError,
  lockDataFolder,
  type DataFolderLock,
} from './data-folder-lock.ts';
export { makeOwnerOnly, OWNER_ONLY_FILE, OWNER_ONLY_FOLDER } from './owner-only.ts';
export { closeOnSignal, exitOnStartFailure } from './cli-process.ts';
