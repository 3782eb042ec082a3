// What every part of the sale engine shares: its settings, the per-sale lock, the listeners, and `dispatch`,
// which applies one event to a sale (journal first, then the other effects) and looks a sale up on KS Pay.
import type { Sale } from '../../shared/domain.ts';
import { createKeyedSerialQueue } from '../../shared/serial-queue.ts';
import type { KeyedSerialQueue } from '../../shared/serial-queue.ts';
import type { KsPayClient } from '../kspay/index.ts';
import type { EngineSettings, SaleListener } from './engine-options.ts';
import { transition } from './sale-machine.ts';
import type { SaleEffect, SaleEvent } from './sale-machine.ts';
import { saleErrors } from './sale-messages.ts';
import { SalesError } from './sales-error.ts';
import { findOnServer, ksPayErrorCode, reasonOf } from './server-lookup.ts';
import type { Finding } from './server-lookup.ts';

/** Runs one effect other than `journal` (the engine routes it to the part that owns it). */
export type EffectRunner = (sale: Sale, effect: SaleEffect) => Promise<void>;

export interface EngineContext {
  readonly settings: EngineSettings;
  /** One job at a time per sale ID: one sale's events in order, different sales side by side. */
  readonly locks: KeyedSerialQueue;
  readonly listeners: Set<SaleListener>;
  /** Sales this run changed: never taken for history settled before the start. */
  readonly touched: Set<string>;
  nowIso(): string;
  client(): KsPayClient;
  emit(sale: Sale): void;
  requireSale(saleId: string): Sale;
  /** Applies one event under the sale's lock: journal (fsync) first, then the other effects, in order. */
  dispatch(saleId: string, event: SaleEvent, draft?: Sale): Promise<Sale>;
  /** The sale on KS Pay (by txnId, else by reference); a failure is logged and returned, never thrown. */
  find(sale: Sale, signal?: AbortSignal): Promise<Finding>;
  findingEvent(sale: Sale, finding: Finding): SaleEvent;
}

const NOT_ON_TERMINAL = 'This sale is not on this terminal. Refresh the list and pick it again.';

export function createEngineContext(settings: EngineSettings, runEffect: EffectRunner): EngineContext {
  const { journal, kspay, clock, log, notFoundGraceMs } = settings;
  const locks = createKeyedSerialQueue();
  const listeners = new Set<SaleListener>();
  const touched = new Set<string>();

  const nowIso = (): string => new Date(clock.now()).toISOString();

  function emit(sale: Sale): void {
    touched.add(sale.id);
    for (const listener of listeners) {
      try {
        listener(sale);
      } catch (error) {
        log.error('sales: an update listener threw', { error: String(error) });
      }
    }
  }

  async function dispatch(saleId: string, event: SaleEvent, draft?: Sale): Promise<Sale> {
    const { sale, effects } = await locks.run(saleId, async () => {
      const current = journal.sale(saleId) ?? draft;
      if (!current) throw new SalesError('not_found', NOT_ON_TERMINAL);
      const result = transition(current, event);
      if (!result.accepted) {
        log.debug('sales: event refused', {
          saleId,
          event: event.type,
          status: current.status,
          reason: result.reason,
        });
        return { sale: current, effects: [] as SaleEffect[] };
      }
      const rest: SaleEffect[] = [];
      for (const effect of result.effects) {
        if (effect.type !== 'journal') {
          rest.push(effect);
          continue;
        }
        await journal.append({
          kind: 'sale',
          at: result.state.updatedAt,
          sale: result.state,
          note: effect.note,
        });
        log.info('sales: step', {
          saleId,
          reference: result.state.reference,
          status: result.state.status,
          note: effect.note,
        });
        emit(result.state);
      }
      return { sale: result.state, effects: rest };
    });
    for (const effect of effects) await runEffect(sale, effect);
    return journal.sale(saleId) ?? sale;
  }

  async function find(sale: Sale, signal?: AbortSignal): Promise<Finding> {
    let api: KsPayClient;
    try {
      api = kspay();
    } catch (error) {
      return { kind: 'failed', error };
    }
    const finding = await findOnServer(api, sale, signal);
    if (finding.kind === 'failed')
      log.warn('sales: look-up failed', { saleId: sale.id, code: ksPayErrorCode(finding.error) ?? 'other' });
    return finding;
  }

  function findingEvent(sale: Sale, finding: Finding): SaleEvent {
    const at = nowIso();
    switch (finding.kind) {
      case 'found':
        return { type: 'server_record', at, record: finding.record };
      case 'absent':
        return { type: 'not_found', at, giveUp: clock.now() - Date.parse(sale.createdAt) >= notFoundGraceMs };
      case 'failed':
        return { type: 'check_failed', at, error: saleErrors.unreachable(reasonOf(finding.error)) };
    }
  }

  return {
    settings,
    locks,
    listeners,
    touched,
    nowIso,
    client: () => kspay(),
    emit,
    requireSale(saleId) {
      const sale = journal.sale(saleId);
      if (!sale) throw new SalesError('not_found', NOT_ON_TERMINAL);
      return sale;
    },
    dispatch,
    find,
    findingEvent,
  };
}
