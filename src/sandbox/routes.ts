// Every KS Pay route of the guide plus the hosted checkout, in match order (literal paths before `/:currencyId/...`).
import type { Handler } from './context.ts';
import type { Route } from './router.ts';
import { generateSignature, generateToken, refreshToken } from './routes-auth.ts';
import { listCurrencies, listPaymentMethods } from './routes-catalog.ts';
import { actOnCheckout, showCheckout } from './routes-checkout.ts';
import {
  getTransaction,
  initiateTransaction,
  listTransactions,
  processTransaction,
} from './routes-transactions.ts';

export const API_ROUTES: Route<Handler>[] = [
  { method: 'POST', pattern: '/auth/generate-token/:appId', handler: generateToken },
  { method: 'POST', pattern: '/auth/generate-signature/:appId', handler: generateSignature },
  { method: 'POST', pattern: '/auth/refresh-token', handler: refreshToken },
  { method: 'GET', pattern: '/currencies', handler: listCurrencies },
  { method: 'POST', pattern: '/transaction/initiate', handler: initiateTransaction },
  { method: 'POST', pattern: '/transaction/process', handler: processTransaction },
  { method: 'GET', pattern: '/transaction/txnId/:txnId', handler: getTransaction },
  { method: 'GET', pattern: '/transaction', handler: listTransactions },
  { method: 'GET', pattern: '/checkout/:txnId', handler: showCheckout },
  { method: 'POST', pattern: '/checkout/:txnId/:action', handler: actOnCheckout },
  { method: 'GET', pattern: '/:currencyId/payment-methods', handler: listPaymentMethods },
];
