// Feeds main's pushed events into the stores; returns the function that stops listening.
import { pos } from '../lib/pos.ts';
import { useAppStatus } from './app-status.ts';
import { usePending } from './pending.ts';
import { useSale } from './sale.ts';

export function subscribeToPos(): () => void {
  const api = pos();
  const stops = [
    api.on('sale.updated', (sale) => {
      useSale.getState().applyUpdate(sale);
      void usePending.getState().refresh();
    }),
    api.on('connection.changed', (connection) => useAppStatus.getState().setConnection(connection)),
    api.on('status.changed', (status) => useAppStatus.getState().setStatus(status)),
  ];
  return () => stops.forEach((stop) => stop());
}
