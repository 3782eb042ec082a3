// The on-screen keypad: 0–9, 00, the point (only when the currency has decimals), Backspace, Clear.
import type { AmountKey } from '../lib/amount-entry.ts';
import { messages } from '../lib/messages.ts';
import { useAmount } from '../stores/index.ts';
import { Icon } from './Icon.tsx';
import './Keypad.css';

const ROWS: readonly (readonly AmountKey[])[] = [
  ['7', '8', '9'],
  ['4', '5', '6'],
  ['1', '2', '3'],
];

export function Keypad() {
  const hasDecimals = useAmount((s) => s.entry.exponent > 0);
  const press = (key: AmountKey) => useAmount.getState().press(key);

  return (
    <div className="keypad" role="group" aria-label={messages.sale.keypad} data-amount-keys="">
      {ROWS.flat().map((key) => (
        <Key key={key} label={key} onPress={() => press(key)} />
      ))}
      <Key label="00" onPress={() => press('00')} />
      <Key label="0" onPress={() => press('0')} wide={!hasDecimals} />
      {hasDecimals ? <Key label="." onPress={() => press('.')} /> : null}
      <button
        type="button"
        className="keypad__key keypad__key--action keypad__backspace"
        aria-label={messages.sale.backspace}
        onClick={() => press('Backspace')}
      >
        <Icon name="backspace" />
      </button>
      <button
        type="button"
        className="keypad__key keypad__key--action keypad__clear"
        onClick={() => press('Clear')}
      >
        {messages.sale.clear}
      </button>
    </div>
  );
}

function Key({ label, onPress, wide }: { label: string; onPress(): void; wide?: boolean }) {
  return (
    <button
      type="button"
      className={wide ? 'keypad__key keypad__key--wide' : 'keypad__key'}
      onClick={onPress}
    >
      {label}
    </button>
  );
}
