// Turns a zod validation failure into one plain sentence that names the field a person must fix.
import type { z } from 'zod';

/** Field keys as a cashier or manager would call them. Anything else is split from camelCase. */
const FIELD_LABELS: Record<string, string> = {
  amountMinor: 'amount',
  currencyId: 'currency',
  methodId: 'payment method',
  accessKey: 'access key',
  secretKey: 'secret key',
  appId: 'App ID',
  customBaseUrl: 'server address',
  pin: 'PIN',
  confirm: 'PIN confirmation',
  newPin: 'new PIN',
  currentPin: 'current PIN',
  overridePin: 'override PIN',
  saleId: 'sale',
  issueId: 'issue',
  referencePrefix: 'reference prefix',
  idleLockMinutes: 'idle lock time',
  pendingLookupHours: 'time to look up unconfirmed sales',
  minAmountMinor: 'lowest amount',
  maxAmountMinor: 'highest amount',
};

// zod's own messages are developer English ("Invalid input: expected string"); ours are sentences.
const ZOD_DEFAULT_MESSAGE = /^(Invalid|Too (small|big)|Unrecognized|Expected)/;

export function fieldLabel(path: readonly PropertyKey[]): string {
  const key = [...path].reverse().find((part): part is string => typeof part === 'string');
  if (key === undefined) return 'request';
  return FIELD_LABELS[key] ?? key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

function generatedSentence(issue: z.core.$ZodIssue, label: string): string {
  const subject = `The ${label}`;
  switch (issue.code) {
    case 'invalid_type':
      return issue.message.endsWith('received undefined')
        ? `${subject} is missing.`
        : `${subject} is not valid.`;
    case 'too_small':
      return issue.origin === 'string' ? `${subject} is too short.` : `${subject} is too small.`;
    case 'too_big':
      return issue.origin === 'string' ? `${subject} is too long.` : `${subject} is too large.`;
    case 'invalid_format':
      return issue.format === 'url'
        ? `${subject} is not a valid web address.`
        : `${subject} is not in the right format.`;
    case 'invalid_value':
      return `${subject} must be one of: ${issue.values.map(String).join(', ')}.`;
    default:
      return `${subject} is not valid.`;
  }
}

/** One sentence for the first problem in the input; the rest can wait until that one is fixed. */
export function describeInputError(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'The request is not valid.';
  const label = fieldLabel(issue.path);
  if (issue.path.length === 0 && issue.code === 'invalid_type')
    return 'This request was sent with the wrong details. Reload the app and try again.';
  const message = issue.message.trim().replace(/\.$/, '');
  // Names the request may not carry: the schema's own sentence says why (e.g. a setting changed elsewhere).
  if (issue.code === 'unrecognized_keys' && /^[A-Z"]/.test(message) && !ZOD_DEFAULT_MESSAGE.test(message))
    return `${message}.`;
  if (message === '' || ZOD_DEFAULT_MESSAGE.test(message)) return generatedSentence(issue, label);
  // A schema's own message: a sentence ("The PIN is 4 to 8 digits") or a fragment ("a three-letter ISO 4217 code").
  if (/^[A-Z]/.test(message)) {
    return message.toLowerCase().includes(label.toLowerCase())
      ? `${message}.`
      : `Check the ${label}: ${message}.`;
  }
  return `The ${label} must be ${message}.`;
}
