import { describe, expect, it } from 'vitest';
import type { StartSaleInput } from '../../shared/contract.ts';
import type { Currency } from '../../shared/domain.ts';
import { KsPayError } from '../kspay/index.ts';
import { checkSaleChoice } from './sale-choice.ts';

const INR: Currency = { id: 'cur_inr', code: 'INR', name: 'Indian Rupee', exponent: 2, active: true };
const input: Omit<StartSaleInput, 'saleId'> = {
  currency: 'INR',
  currencyId: 'cur_inr',
  methodId: 'pm_upi',
  amountMinor: 100,
};

function catalog(currencies: () => Promise<Currency[]>, methodName: string | null = 'UPI') {
  return { currencies, methodName: async () => methodName };
}

describe('checkSaleChoice', () => {
  it('names the method when the currency code is the catalogue’s code for the ID', async () => {
    await expect(
      checkSaleChoice(
        catalog(async () => [INR]),
        input,
      ),
    ).resolves.toBe('UPI');
  });

  it('refuses a code that is not the ID’s, an ID not listed, and a method not offered', async () => {
    await expect(
      checkSaleChoice(
        catalog(async () => [INR]),
        { ...input, currency: 'USD' },
      ),
    ).rejects.toMatchObject({
      code: 'invalid',
      message: expect.stringContaining('The amount is in USD but the currency chosen is INR'),
    });
    await expect(
      checkSaleChoice(
        catalog(async () => []),
        input,
      ),
    ).rejects.toMatchObject({ code: 'invalid' });
    await expect(
      checkSaleChoice(
        catalog(async () => [INR], null),
        input,
      ),
    ).rejects.toMatchObject({
      message: 'That payment method is not offered for INR. Pick another one.',
    });
  });

  it('holds the catalogue’s method name to the contract’s rule: trimmed, and refused when too long', async () => {
    await expect(
      checkSaleChoice(
        catalog(async () => [INR], '  UPI  '),
        input,
      ),
    ).resolves.toBe('UPI');
    await expect(
      checkSaleChoice(
        catalog(async () => [INR], 'U'.repeat(101)),
        input,
      ),
    ).rejects.toMatchObject({
      code: 'invalid',
      message: expect.stringMatching(
        /^The sale was not started: .+\. Check the amount, currency and payment method\.$/,
      ),
    });
  });

  it('refuses with KS Pay’s own reason when the currency list cannot be loaded', async () => {
    const offline = new KsPayError('network', 'The terminal cannot reach KS Pay. Check the network.');
    await expect(
      checkSaleChoice(
        catalog(() => Promise.reject(offline)),
        input,
      ),
    ).rejects.toBe(offline);
  });

  it('refuses with KS Pay’s own reason when the method list cannot be loaded: no name from anywhere else', async () => {
    const offline = new KsPayError('network', 'The terminal cannot reach KS Pay. Check the network.');
    await expect(
      checkSaleChoice({ currencies: async () => [INR], methodName: () => Promise.reject(offline) }, input),
    ).rejects.toBe(offline);
  });
});
