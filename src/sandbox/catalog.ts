// The currencies and payment methods the sandbox offers (ids borrowed from the guide's examples where it has them).

export interface CatalogCurrency {
  id: string;
  code: string;
  name: string;
  symbol: string;
  isActive: boolean;
  createdAt: string;
}

export interface CatalogMethod {
  id: string;
  name: string;
  isActive: boolean;
}

const USER_ID = 'us_M6jVa85Zb';
const CREATED_AT = '2024-08-03T11:57:59.647Z';

/**
 * INR uses the id from the guide's S2S initiate example and USD the one from its NPM example, so the guide's
 * request bodies replay as written. AED is listed but inactive.
 */
export const CURRENCIES: readonly CatalogCurrency[] = [
  { id: 'c_JdzYuwqF6O', code: 'INR', name: 'Rupees', symbol: '₹', isActive: true, createdAt: CREATED_AT },
  { id: 'c_2xqOlqufc3', code: 'USD', name: 'US Dollar', symbol: '$', isActive: true, createdAt: CREATED_AT },
  { id: 'c_Eu7RkP2wQa', code: 'EUR', name: 'Euro', symbol: '€', isActive: true, createdAt: CREATED_AT },
  {
    id: 'c_Gb4TnZ8xLm',
    code: 'GBP',
    name: 'Pound Sterling',
    symbol: '£',
    isActive: true,
    createdAt: CREATED_AT,
  },
  { id: 'c_Jp9YeN3vHs', code: 'JPY', name: 'Yen', symbol: '¥', isActive: true, createdAt: CREATED_AT },
  {
    id: 'c_Kw2DnR6tBc',
    code: 'KWD',
    name: 'Kuwaiti Dinar',
    symbol: 'KD',
    isActive: true,
    createdAt: CREATED_AT,
  },
  {
    id: 'c_Ae5DhM1sXp',
    code: 'AED',
    name: 'UAE Dirham',
    symbol: 'AED',
    isActive: false,
    createdAt: CREATED_AT,
  },
];

/** Methods per currency id. INR's WALLET is inactive; `pm_5LR93Agwv` and `pm_67NoP7JaQ` are the guide's. */
export const METHODS: Readonly<Record<string, readonly CatalogMethod[]>> = {
  c_JdzYuwqF6O: [
    { id: 'pm_5LR93Agwv', name: 'UPI', isActive: true },
    { id: 'pm_Mk55VGvFm', name: 'NET BANKING', isActive: true },
    { id: 'pm_QtgkfiiWb', name: 'DEBIT CARD', isActive: true },
    { id: 'pm_Cr8InQ4zT', name: 'CREDIT CARD', isActive: true },
    { id: 'pm_Wl3InX9kD', name: 'WALLET', isActive: false },
  ],
  c_2xqOlqufc3: [
    { id: 'pm_67NoP7JaQ', name: 'CREDIT CARD', isActive: true },
    { id: 'pm_Db2UsV5nR', name: 'DEBIT CARD', isActive: true },
  ],
  c_Eu7RkP2wQa: [
    { id: 'pm_Cr4EuH7mW', name: 'CREDIT CARD', isActive: true },
    { id: 'pm_Sp9EuK2cF', name: 'SEPA TRANSFER', isActive: true },
  ],
  c_Gb4TnZ8xLm: [
    { id: 'pm_Cr6GbJ3pN', name: 'CREDIT CARD', isActive: true },
    { id: 'pm_Db8GbQ1vY', name: 'DEBIT CARD', isActive: true },
  ],
  c_Jp9YeN3vHs: [
    { id: 'pm_Cr2JpL8sE', name: 'CREDIT CARD', isActive: true },
    { id: 'pm_Kb5JpT4gA', name: 'KONBINI', isActive: true },
  ],
  c_Kw2DnR6tBc: [
    { id: 'pm_Kn7KwU2hZ', name: 'KNET', isActive: true },
    { id: 'pm_Cr3KwB9rM', name: 'CREDIT CARD', isActive: true },
  ],
  c_Ae5DhM1sXp: [{ id: 'pm_Cr1AeG6dJ', name: 'CREDIT CARD', isActive: true }],
};

/** The `userId` the guide shows on every currency: the merchant user that owns the catalog. */
export const CATALOG_USER_ID = USER_ID;

export function findCurrency(currencyId: string): CatalogCurrency | undefined {
  return CURRENCIES.find((currency) => currency.id === currencyId);
}

export function methodsOf(currencyId: string): readonly CatalogMethod[] {
  return METHODS[currencyId] ?? [];
}

export function findMethod(currencyId: string, methodId: string): CatalogMethod | undefined {
  return methodsOf(currencyId).find((method) => method.id === methodId);
}
