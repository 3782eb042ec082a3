// The Charge button: states the amount, disabled for zero or when no method is chosen.
import { useId } from 'react';
import { useReportChargeInteractive } from '../lib/charge-interactive.ts';
import { messages } from '../lib/messages.ts';
import './ChargeButton.css';

interface ChargeButtonProps {
  amountText: string;
  zero: boolean;
  hasMethod: boolean;
  starting: boolean;
  onCharge(): void;
}

export function ChargeButton({ amountText, zero, hasMethod, starting, onCharge }: ChargeButtonProps) {
  const hintId = useId();
  useReportChargeInteractive(hasMethod);
  const hint = !hasMethod
    ? messages.sale.chooseMethod
    : zero
      ? messages.sale.enterAmount
      : starting
        ? messages.sale.starting
        : '';
  return (
    <div className="charge">
      <button
        type="button"
        className="button button--primary button--large button--block charge__button"
        disabled={zero || !hasMethod || starting}
        aria-describedby={hint ? hintId : undefined}
        onClick={onCharge}
      >
        {messages.sale.charge(amountText)}
      </button>
      <p id={hintId} className="charge__hint" aria-live="polite">
        {hint || messages.sale.keyboardHint}
      </p>
    </div>
  );
}
