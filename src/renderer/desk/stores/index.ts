// The desk's state: the transactions list and the reconcile run that refreshes it.
export { useDeskReconcile } from './reconcile.ts';
export { useDeskTransactions } from './transactions.ts';
