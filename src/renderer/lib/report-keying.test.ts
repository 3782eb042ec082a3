import { afterEach, describe, expect, it } from 'vitest';
import { useAmount, useCatalog } from '../stores/index.ts';
import { CURRENCIES, installFakePos, METHODS } from '../test/fake-pos.ts';
import { resetStores } from '../test/reset-stores.ts';
import { reportKeyedAmount } from './report-keying.ts';

afterEach(() => resetStores());

function counterReady() {
  useCatalog.setState({ currencies: CURRENCIES, methods: METHODS, currencyCode: 'INR', methodId: 'm_upi' });
  useAmount.getState().setCurrency('INR');
}

describe('reporting the keyed amount for the customer display', () => {
  it('reports each keystroke with the chosen method, one report at a time, the newest sent next', async () => {
    counterReady();
    const answers: Array<() => void> = [];
    const fake = installFakePos({
      'display.keying': () => new Promise((resolve) => answers.push(() => resolve({ ok: true }))),
    });
    const stop = reportKeyedAmount();
    // The first report (nothing keyed) is in flight; three keystrokes wait behind it as one.
    useAmount.getState().press('1');
    useAmount.getState().press('2');
    useAmount.getState().press('5');
    expect(fake.callsTo('display.keying')).toEqual([null]);
    answers.shift()!();
    await expect.poll(() => fake.callsTo('display.keying')).toHaveLength(2);
    expect(fake.callsTo('display.keying')[1]).toEqual({
      amountMinor: 12_500,
      currency: 'INR',
      methodName: 'UPI',
    });
    answers.shift()!();
    useCatalog.getState().selectMethod('m_card');
    await expect.poll(() => fake.callsTo('display.keying')).toHaveLength(3);
    expect(fake.callsTo('display.keying')[2]).toEqual({
      amountMinor: 12_500,
      currency: 'INR',
      methodName: 'CARD',
    });
    stop();
  });

  it('sends nothing for a change that leaves the same report, and reports again after a refusal', async () => {
    counterReady();
    let refuse = true;
    const fake = installFakePos({
      'display.keying': () => {
        if (refuse) throw new Error('not set up');
        return { ok: true };
      },
    });
    const stop = reportKeyedAmount();
    await expect.poll(() => fake.callsTo('display.keying')).toEqual([null]);
    refuse = false;
    useAmount.getState().press('7');
    await expect.poll(() => fake.callsTo('display.keying')).toHaveLength(2);
    // The same method chosen again and a refused keystroke change nothing the customer sees.
    useCatalog.getState().selectMethod('m_upi');
    useAmount.getState().press('.');
    useAmount.getState().press('.');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fake.callsTo('display.keying')).toEqual([
      null,
      { amountMinor: 700, currency: 'INR', methodName: 'UPI' },
    ]);
    stop();
  });
});
