// The cashier's screen: the top bar, the Demo banner, and the stage that shows entry, paying or
// the result in one fixed frame (so nothing jumps when a result arrives). Manager opens the desk.
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import type { AppStatus } from '../../shared/domain.ts';
import { CashierSignIn } from '../components/CashierSignIn.tsx';
import { Icon } from '../components/Icon.tsx';
import { PaidAfterCancel } from '../components/PaidAfterCancel.tsx';
import { PendingPill } from '../components/PendingPill.tsx';
import { Receipt } from '../components/Receipt.tsx';
import { SaleEntry } from '../components/SaleEntry.tsx';
import { SalePaying } from '../components/SalePaying.tsx';
import { resultHeading, SaleResult } from '../components/SaleResult.tsx';
import { TopBar } from '../components/TopBar.tsx';
import { DemoBanner } from '../components/DemoBanner.tsx';
import { formatAmount } from '../lib/format.ts';
import { useTerminalLocale } from '../lib/use-terminal-locale.ts';
import { messages } from '../lib/messages.ts';
import { outcomeOf } from '../lib/outcome.ts';
import { pos } from '../lib/pos.ts';
import { reportKeyedAmount } from '../lib/report-keying.ts';
import { useIdle } from '../lib/use-idle.ts';
import { useCatalog, usePending, useSale } from '../stores/index.ts';
import { loadDeskChunk, loadedDeskChunk } from './desk-chunk.ts';
import { ManagerUnlock } from './ManagerUnlock.tsx';
import './SaleScreen.css';

// The manager desk is its own chunk: a cashier's start never pays for it.
const ManagerDesk = lazy(() => loadDeskChunk().then((module) => ({ default: module.ManagerDesk })));

type ManagerView = 'closed' | 'unlock' | 'desk';

export function SaleScreen({ status }: { status: AppStatus }) {
  const locale = useTerminalLocale();
  const sale = useSale((s) => s.sale);
  const paidAfterCancel = useSale((s) => s.paidAfterCancel);
  const receiptMark = useSale((s) => s.receiptMark);
  const [manager, setManager] = useState<ManagerView>('closed');
  const [lockedWhenIdle, setLockedWhenIdle] = useState(false);
  const { mode, settings } = status;
  const connectionKey = `${mode}|${settings.environment}|${settings.customBaseUrl ?? ''}|${settings.appId}`;

  useEffect(() => {
    void useCatalog
      .getState()
      .load(connectionKey, { currency: settings.defaultCurrency, methodId: settings.defaultMethodId });
  }, [connectionKey, settings.defaultCurrency, settings.defaultMethodId]);

  useEffect(() => {
    void useSale.getState().restore();
    void usePending.getState().refresh();
  }, []);
  // The customer display mirrors every keystroke (main projects what the customer may see).
  useEffect(() => reportKeyedAmount(), []);

  // The desk locks the manager role itself (its Lock button, or main's idle lock) and then calls onLock.
  const leaveDesk = useCallback(() => setManager('closed'), []);
  // Main cannot see the mouse or keys: a desk left untouched for the configured minutes locks from here.
  const lockWhenIdle = useCallback(() => {
    setManager('closed');
    setLockedWhenIdle(true);
    void pos()
      .staff.lock()
      .catch(() => undefined);
  }, []);
  useIdle(manager === 'desk' ? settings.idleLockMinutes : 0, lockWhenIdle);
  // The desk's code loads while the PIN is typed and checked; a failure shows when the desk opens.
  useEffect(() => {
    if (manager === 'unlock') void loadDeskChunk().catch(() => undefined);
  }, [manager]);
  // Main has confirmed the PIN: the desk's first screen asks for its rows now, while React renders it.
  const openDesk = useCallback(() => {
    setManager('desk');
    void loadDeskChunk()
      .then((desk) => desk.startDesk())
      .catch(() => undefined);
  }, []);
  // The manager role lasts only while the desk is open: back at the sale screen by any way (Lock, a
  // reload, the first set-up), main is told to end it, so the next Manager press asks for the PIN.
  const managerLeftOpen = manager === 'closed' && status.role === 'manager';
  useEffect(() => {
    if (managerLeftOpen)
      void pos()
        .staff.lock()
        .catch(() => undefined);
  }, [managerLeftOpen]);

  // Loaded while the PIN was checked: shown without suspending (see loadedDeskChunk).
  const LoadedDesk = loadedDeskChunk()?.ManagerDesk;
  const outcome = sale ? outcomeOf(sale.status) : null;
  const final = sale && outcome !== 'in-progress' ? sale : null;
  // With named cashiers, someone signs in before a sale (main refuses one otherwise); the manager may sell.
  const needsSignIn = status.cashiers.length > 0 && !status.cashier && status.role !== 'manager';

  return (
    <>
      <div className="shell">
        <header className="shell__header">
          <TopBar connection={status.connection}>
            {manager === 'desk' ? null : (
              <>
                {status.cashier ? (
                  <>
                    <span className="topbar__cashier">{messages.cashier.signedIn(status.cashier)}</span>
                    {outcome === 'in-progress' ? null : (
                      <button
                        type="button"
                        className="button button--ghost"
                        onClick={() =>
                          void pos()
                            .staff.signOut()
                            .catch(() => undefined)
                        }
                      >
                        {messages.cashier.signOut}
                      </button>
                    )}
                  </>
                ) : null}
                <PendingPill locale={locale} />
                <button
                  type="button"
                  className="button button--secondary"
                  aria-haspopup="dialog"
                  onClick={() => {
                    setLockedWhenIdle(false);
                    setManager('unlock');
                  }}
                >
                  <Icon name="lock" />
                  {messages.header.manager}
                </button>
              </>
            )}
          </TopBar>
          {mode === 'demo' ? <DemoBanner /> : null}
          <PaidAfterCancel sales={paidAfterCancel} locale={locale} />
          {lockedWhenIdle && manager === 'closed' ? (
            <div className="shell__notices">
              <p className="notice notice--warning" role="status">
                <Icon name="lock" className="notice__icon" />
                <span>{messages.manager.locked}</span>
              </p>
            </div>
          ) : null}
        </header>
        {manager === 'desk' ? (
          <div className="shell__desk">
            <Suspense fallback={<p className="shell__loading">{messages.manager.loadingDesk}</p>}>
              {LoadedDesk ? <LoadedDesk onLock={leaveDesk} /> : <ManagerDesk onLock={leaveDesk} />}
            </Suspense>
          </div>
        ) : (
          <main className="stage">
            <h1 className="visually-hidden">{messages.sale.heading}</h1>
            <div className="stage__frame card">
              {!sale ? (
                needsSignIn ? (
                  <CashierSignIn cashiers={status.cashiers} />
                ) : (
                  <SaleEntry locale={locale} />
                )
              ) : outcome === 'in-progress' ? (
                <SalePaying key={sale.id} sale={sale} locale={locale} />
              ) : (
                <SaleResult key={sale.id} sale={sale} locale={locale} />
              )}
            </div>
          </main>
        )}
        <div
          className="visually-hidden"
          role="status"
          aria-live="polite"
          aria-atomic="true"
          data-testid="result-announcer"
        >
          {final
            ? `${resultHeading(final)}. ${formatAmount(final.amountMinor, final.currency, locale)}.`
            : ''}
        </div>
        {manager === 'unlock' ? (
          <ManagerUnlock hasPin={status.hasPin} onCancel={() => setManager('closed')} onUnlocked={openDesk} />
        ) : null}
      </div>
      {final ? (
        <Receipt
          sale={final}
          settings={settings}
          locale={locale}
          duplicate={
            receiptMark?.saleId === final.id ? receiptMark.duplicate : final.receiptPrintedAt !== undefined
          }
        />
      ) : null}
    </>
  );
}
