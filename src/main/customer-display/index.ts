// The customer-facing display's state in main: the pure projection and the service that keeps it current.
export { createCustomerDisplay, type CustomerDisplay, type CustomerDisplayDeps } from './customer-display.ts';
export { projectCustomerDisplay, resultEndsAt, type CounterNow } from './projection.ts';
