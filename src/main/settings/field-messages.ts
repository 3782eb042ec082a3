// Turns schema issues into messages a manager can act on, naming the field as the Settings screen does.

const LABELS: Record<string, string> = {
  environment: 'Environment',
  customBaseUrl: 'API base URL',
  appId: 'App ID',
  terminalName: 'Terminal name',
  referencePrefix: 'Reference prefix',
  defaultCurrency: 'Default currency',
  defaultMethodId: 'Default payment method',
  receiptHeader: 'Receipt header',
  receiptFooter: 'Receipt footer',
  printer: 'Printer',
  'printer.kind': 'Printer type',
  'printer.host': 'Printer address',
  'printer.port': 'Printer port',
  'printer.paper': 'Paper width',
  'printer.silent': 'Print without asking',
  idleLockMinutes: 'Idle lock (minutes)',
  pendingLookupHours: 'Look up unconfirmed sales for (hours)',
  locale: 'Locale',
  theme: 'Theme',
  autoUpdate: 'Automatic updates',
  'autoUpdate.enabled': 'Automatic updates',
  checkoutReturnUrl: 'Checkout return address',
};

/** The parts of a zod issue this file reads; every zod issue has this shape. */
interface IssueLike {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  format?: string;
  values?: readonly unknown[];
}

export function fieldKey(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

export function fieldLabel(key: string): string {
  return LABELS[key] ?? key;
}

function describeProblem(issue: IssueLike): string {
  const isText = issue.origin === 'string';
  switch (issue.code) {
    case 'too_small':
      if (isText)
        return Number(issue.minimum) <= 1 ? 'is required' : `needs at least ${issue.minimum} characters`;
      return `must be at least ${issue.minimum}`;
    case 'too_big':
      return isText ? `can be at most ${issue.maximum} characters` : `can be at most ${issue.maximum}`;
    case 'invalid_format':
      if (issue.format === 'url') return 'must be a full web address, such as https://pay.example.com';
      // Our own patterns carry a message written for people (e.g. "1 to 12 capital letters or digits, dashes only between them").
      return `must be ${issue.message}`;
    case 'invalid_value':
      return `must be one of: ${(issue.values ?? []).map(String).join(', ')}`;
    case 'invalid_type':
      return issue.origin === undefined && issue.message.includes('undefined')
        ? 'is required'
        : 'has the wrong kind of value';
    case 'invalid_union':
      return 'is not set up correctly';
    default:
      return issue.message;
  }
}

/** One message per field ("Reference prefix must be 1 to 12 capital letters or digits, dashes only between them."), first issue wins. */
export function fieldMessages(issues: readonly IssueLike[]): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const issue of issues) {
    const key = fieldKey(issue.path);
    if (key in messages) continue;
    messages[key] = issue.code === 'custom' ? issue.message : `${fieldLabel(key)} ${describeProblem(issue)}.`;
  }
  return messages;
}
