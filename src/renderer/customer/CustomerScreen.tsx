// The customer-facing screen: the welcome, the amount as keyed in, the QR to scan, the confirmed result.
// Nothing here takes input: a touch does nothing.
import type { CustomerDisplayState } from '../../shared/customer-display.ts';
import { Icon, type IconName } from '../components/Icon.tsx';
import { QrImage } from '../components/QrImage.tsx';
import { formatAmount, resolveLocale } from '../lib/format.ts';
import { isLoopbackUrl } from '../lib/loopback-url.ts';
import { customerMessages as m } from './messages.ts';

const RESULT: Record<
  Extract<CustomerDisplayState, { view: 'result' }>['outcome'],
  { icon: IconName; heading: string; body: string | null }
> = {
  paid: { icon: 'check-circle', heading: m.paid, body: null },
  not_completed: { icon: 'x-circle', heading: m.notCompleted, body: m.notCompletedBody },
  cancelled: { icon: 'ban', heading: m.cancelled, body: m.cancelledBody },
};

function Money({ state }: { state: { amountMinor: number; currency: string; locale?: string | undefined } }) {
  return (
    <p className="customer__amount money">
      {formatAmount(state.amountMinor, state.currency, resolveLocale(state.locale, state.currency))}
    </p>
  );
}

function Body({ state }: { state: CustomerDisplayState }) {
  switch (state.view) {
    case 'idle':
      return (
        <div className="customer__centre">
          <p className="customer__welcome">{m.welcome}</p>
          <p className="customer__note">{m.welcomeBody}</p>
        </div>
      );
    case 'keying':
      return (
        <div className="customer__centre">
          <p className="customer__label">{m.amount}</p>
          <Money state={state} />
          {state.methodName ? <p className="customer__note">{m.payingBy(state.methodName)}</p> : null}
        </div>
      );
    case 'waiting':
      if (!state.checkoutUrl)
        return (
          <div className="customer__centre">
            <Money state={state} />
            <p className="customer__status">
              <Icon name="hourglass" />
              {state.checking ? m.checking : m.preparing}
            </p>
            {state.checking ? <p className="customer__note">{m.checkingBody}</p> : null}
          </div>
        );
      return (
        <div className="customer__scan">
          <QrImage text={state.checkoutUrl} alt={m.qrAlt} className="customer__qr" />
          <div className="customer__scan-text">
            <p className="customer__label">{m.amount}</p>
            <Money state={state} />
            {isLoopbackUrl(state.checkoutUrl) ? (
              <p className="customer__instruction">{m.thisComputerOnly}</p>
            ) : (
              <p className="customer__instruction">{m.scanToPay}</p>
            )}
            <p className="customer__note">{m.payingBy(state.methodName)}</p>
          </div>
        </div>
      );
    case 'result': {
      const look = RESULT[state.outcome];
      return (
        <div className="customer__centre customer__result" data-outcome={state.outcome}>
          <Icon name={look.icon} className="customer__result-icon" />
          <p className="customer__result-heading">{look.heading}</p>
          <Money state={state} />
          {look.body ? <p className="customer__note">{look.body}</p> : null}
        </div>
      );
    }
  }
}

export function CustomerScreen({
  state,
  problem,
}: {
  state: CustomerDisplayState | null;
  problem: string | null;
}) {
  return (
    <main className="customer" data-view={state?.view ?? 'connecting'}>
      <h1 className="customer__merchant">{state?.merchant ?? ''}</h1>
      {/* Polite: a reader hears the amount and the result as they change, never mid-keystroke noise. */}
      <div className="customer__body" aria-live="polite">
        {problem ? (
          <p className="customer__problem" role="alert">
            {problem}
          </p>
        ) : state ? (
          <Body state={state} />
        ) : (
          <p className="customer__note">{m.connecting}</p>
        )}
      </div>
    </main>
  );
}
