// The Settings sections that are only fields, as data: the receipt's lines and the payments' lookup
// window and return address.
import { deskMessages } from '../../messages.ts';
import type { FieldSpec } from './SettingsFieldList.tsx';

const s = deskMessages.settings;

export const RECEIPT_FIELDS: readonly FieldSpec[] = [
  { kind: 'text', name: 'receiptHeader', label: s.receiptHeader },
  { kind: 'text', name: 'receiptFooter', label: s.receiptFooter },
];

export const PAYMENTS_FIELDS: readonly FieldSpec[] = [
  {
    kind: 'text',
    name: 'pendingLookupHours',
    label: s.pendingLookup,
    hint: s.pendingLookupHint,
    inputMode: 'numeric',
  },
  {
    kind: 'text',
    name: 'checkoutReturnUrl',
    label: s.returnUrl,
    hint: s.returnUrlHint,
    inputMode: 'url',
    wide: true,
  },
];
