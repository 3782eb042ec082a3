// The sale engine's public face: the engine, its pure state machine, sale IDs and its error type.
export { createSalesEngine } from './sales-engine.ts';
export type {
  PollOptions,
  SaleListener,
  SalesEngine,
  SalesEngineOptions,
  SaleToStart,
  TerminalInfo,
} from './sales-engine.ts';
export { transition, awaitsServer } from './sale-machine.ts';
export type { SaleEffect, SaleEvent, SaleEventType, ServerRecord, Transition } from './sale-machine.ts';
export { createSaleIds, REFERENCE_PATTERN } from './sale-ids.ts';
export type { SaleIds } from './sale-ids.ts';
export { SalesError } from './sales-error.ts';
export type { SalesErrorCode } from './sales-error.ts';
