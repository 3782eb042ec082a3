// The manager desk: navigation between Transactions, Pending, Day summary, Merchant day, Reports, Settings and
// Audit log, Save diagnostics, Back to the sale while one is open at the counter, and Lock back to the
// cashier view (also when the idle lock fires).
import { useEffect, useState } from 'react';
import { Icon } from '../components/Icon.tsx';
import { errorMessage } from '../lib/errors.ts';
import { pos } from '../lib/pos.ts';
import { outcomeOf } from '../lib/outcome.ts';
import { useAppStatus, usePending, useSale } from '../stores/index.ts';
import { deskMessages } from './messages.ts';
import { AuditLogScreen } from './screens/AuditLogScreen.tsx';
import { DaySummaryScreen } from './screens/DaySummaryScreen.tsx';
import { MerchantDayScreen } from './screens/MerchantDayScreen.tsx';
import { PendingScreen } from './screens/PendingScreen.tsx';
import { ReportsScreen } from './screens/ReportsScreen.tsx';
import { SettingsScreen } from './screens/SettingsScreen.tsx';
import { TransactionsScreen } from './screens/TransactionsScreen.tsx';
import './Desk.css';

type DeskScreen = 'transactions' | 'pending' | 'day' | 'merchant' | 'reports' | 'settings' | 'audit';
const SCREENS: readonly DeskScreen[] = [
  'transactions',
  'pending',
  'day',
  'merchant',
  'reports',
  'settings',
  'audit',
];
const n = deskMessages.nav;

export function Desk({ onLock }: { onLock(): void }) {
  const [screen, setScreen] = useState<DeskScreen>('transactions');
  const [locking, setLocking] = useState(false);
  const [diagnostics, setDiagnostics] = useState<{ busy: boolean; note: string | null; ok: boolean }>({
    busy: false,
    note: null,
    ok: true,
  });
  const pendingCount = usePending((s) => s.sales.length);
  // A sale still open at the counter (the customer may be paying): the way back to it is one press.
  const saleOpen = useSale((s) => s.sale !== null && outcomeOf(s.sale.status) === 'in-progress');
  // Browser mode opens the customer display as a page; the desktop app has its own window (Settings).
  const browserMode = useAppStatus((s) => s.status?.shell === 'browser');

  useEffect(() => {
    // The idle lock (or a lock from elsewhere) drops the role: leave the desk with it.
    return pos().on('status.changed', (status) => {
      if (status.role !== 'manager') onLock();
    });
  }, [onLock]);

  async function lock() {
    setLocking(true);
    try {
      await pos().staff.lock();
    } finally {
      // Leave the desk even if main could not be told: its next call would be refused anyway.
      onLock();
    }
  }

  async function openCustomerDisplay() {
    // The window opens at once (while the click still counts), then goes to the one-time address.
    const opened = window.open('about:blank', '_blank');
    if (!opened) {
      setDiagnostics({ busy: false, note: n.customerDisplayBlocked, ok: false });
      return;
    }
    try {
      const { url } = await pos().display.openAddress();
      opened.opener = null;
      opened.location.href = url;
      setDiagnostics({ busy: false, note: n.customerDisplayOpened, ok: true });
    } catch (error) {
      opened.close();
      setDiagnostics({ busy: false, note: errorMessage(error), ok: false });
    }
  }

  async function saveDiagnostics() {
    setDiagnostics({ busy: true, note: null, ok: true });
    try {
      const { path } = await pos().diagnostics.save();
      setDiagnostics({ busy: false, note: n.diagnosticsSaved(path), ok: true });
    } catch (error) {
      setDiagnostics({ busy: false, note: errorMessage(error), ok: false });
    }
  }

  return (
    <div className="desk">
      <header className="desk__bar no-print">
        <h1 className="desk__title">{deskMessages.title}</h1>
        <nav className="desk__nav" aria-label={n.label}>
          <ul className="desk__tabs">
            {SCREENS.map((id) => (
              <li key={id}>
                <button
                  type="button"
                  className="desk__tab"
                  aria-current={screen === id ? 'page' : undefined}
                  onClick={() => setScreen(id)}
                >
                  {n[id]}
                  {id === 'pending' && pendingCount > 0 ? (
                    <span className="desk__count" aria-hidden="true">
                      {pendingCount}
                    </span>
                  ) : null}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <div className="desk__tools">
          {browserMode ? (
            <button type="button" className="button button--ghost" onClick={() => void openCustomerDisplay()}>
              {n.openCustomerDisplay}
            </button>
          ) : null}
          <button
            type="button"
            className="button button--ghost"
            onClick={() => void saveDiagnostics()}
            disabled={diagnostics.busy}
          >
            {diagnostics.busy ? n.diagnosticsSaving : n.diagnostics}
          </button>
          {saleOpen ? (
            // Back at the counter the desk is locked, as Lock does: the manager role lasts only while the desk is open.
            <button
              type="button"
              className="button button--primary"
              onClick={() => void lock()}
              disabled={locking}
              title={n.backToSaleTitle}
            >
              <Icon name="arrow-left" />
              {n.backToSale}
            </button>
          ) : null}
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void lock()}
            disabled={locking}
          >
            <Icon name="lock" />
            {locking ? n.locking : n.lock}
          </button>
        </div>
      </header>
      {diagnostics.note ? (
        <p
          className={`desk__note no-print ${diagnostics.ok ? 'notice notice--success' : 'notice notice--error'}`}
          role={diagnostics.ok ? 'status' : 'alert'}
        >
          {diagnostics.note}
        </p>
      ) : null}
      <div className="desk__main">
        {screen === 'transactions' ? <TransactionsScreen /> : null}
        {screen === 'pending' ? <PendingScreen /> : null}
        {screen === 'day' ? <DaySummaryScreen /> : null}
        {screen === 'merchant' ? <MerchantDayScreen /> : null}
        {screen === 'reports' ? <ReportsScreen /> : null}
        {screen === 'settings' ? <SettingsScreen /> : null}
        {screen === 'audit' ? <AuditLogScreen /> : null}
      </div>
    </div>
  );
}
