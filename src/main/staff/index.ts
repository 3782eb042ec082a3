// Staff's public face: roles, the manager PIN, cashiers.
export { createStaff } from './staff.ts';
export type { Staff, StaffOptions } from './staff.ts';
export type { Cashiers } from './cashiers.ts';
export { StaffError } from './staff-error.ts';
export type { StaffErrorCode } from './staff-error.ts';
export { createStaffFileStore, StaffState } from './staff-store.ts';
export type { StaffStore, StaffStoreRead } from './staff-store.ts';
export { DEFAULT_SCRYPT_PARAMS, hashPin } from './pin-hash.ts';
export type { ScryptParams } from './pin-hash.ts';
export { MAX_ATTEMPTS, FIRST_LOCK_MS, MAX_LOCK_MS } from './lockout.ts';
export { createManagerSessions } from './manager-sessions.ts';
export type { ManagerSessions } from './manager-sessions.ts';
