// Every string the manager desk shows, in one place so a translation replaces one file.
// Accessible names that tests and assistive technology rely on are marked "name": change them only with their tests.
import type { ReconcileIssue, Settings } from '../../shared/domain.ts';
import { messages } from '../lib/messages.ts';

export const deskMessages = {
  title: 'Manager desk',
  nav: {
    label: 'Manager desk',
    transactions: 'Transactions', // name
    pending: 'Pending', // name
    day: 'Day summary', // name
    merchant: 'Merchant day', // name
    reports: 'Reports', // name
    settings: 'Settings', // name
    audit: 'Audit log', // name
    lock: 'Lock', // name
    backToSale: 'Back to the sale', // name
    backToSaleTitle: 'A sale is still open at the counter. This locks the desk and shows that sale.',
    locking: 'Locking…',
    diagnostics: 'Save diagnostics', // name
    diagnosticsSaving: 'Saving…',
    diagnosticsSaved: (path: string) =>
      `Diagnostics saved to ${path}. Send this file to support; it holds no keys.`,
    openCustomerDisplay: 'Open customer display', // name
    customerDisplayOpened:
      'The customer display opened in a new window. Move it to the screen that faces the customer and make it full screen (F11).',
    customerDisplayBlocked:
      'The browser blocked the new window. Allow pop-ups for this address, then choose Open customer display again.',
  },
  common: {
    loading: 'Loading…',
    retry: 'Try again',
    close: 'Close',
    none: '—',
    cancel: 'Cancel',
    exportCsv: 'Export CSV', // name
    exportXlsx: 'Export XLSX', // name
    exporting: 'Exporting…',
    exported: (filename: string) => `Saved ${filename} to your downloads.`,
    pin: 'Manager PIN', // name
  },
  terminals: {
    elsewhere: 'Elsewhere', // name: records no terminal made (the web shop, a payment link)
    own: (name: string, prefix: string) => `${name} (${prefix})`,
  },
  transactions: {
    heading: 'Transactions',
    search: 'Search', // name
    searchPlaceholder: 'Reference or transaction ID',
    status: 'Status', // name
    anyStatus: 'All statuses',
    currency: 'Currency', // name
    anyCurrency: 'All currencies',
    method: 'Method', // name
    anyMethod: 'All methods',
    from: 'From', // name
    to: 'To', // name
    today: 'Today', // name
    yesterday: 'Yesterday', // name
    thisWeek: 'This week', // name
    allDates: 'All dates',
    minAmount: 'Amount from', // name
    maxAmount: 'Amount to', // name
    amountNeedsCurrency: 'Choose a currency to filter by amount.',
    amountInvalid: (example: string) => `Enter an amount like ${example}.`,
    mismatchOnly: 'Only differences', // name
    reconcile: 'Reconcile', // name
    reconciling: 'Reconciling…',
    // Says what it counts (reconcile's issues, on Pending), so it is not read as a count of the rows marked Differs.
    reconciled: (checked: number, settled: number, issues: number) =>
      `Reconcile checked ${checked} unsettled ${checked === 1 ? 'sale' : 'sales'}: ${settled} settled; ${issues} ${issues === 1 ? 'issue needs' : 'issues need'} a manager's look on Pending.`,
    differing: (n: number, shown: number) =>
      `${n} of ${shown === 1 ? 'it' : 'them'} ${n === 1 ? 'differs' : 'differ'} between this terminal and KS Pay (marked Differs; Only differences shows just those).`,
    count: (n: number) => (n === 1 ? '1 transaction' : `${n} transactions`), // "N transactions"
    loading: 'Loading transactions…',
    refreshing: (asOf: string | null) =>
      asOf
        ? `Showing the KS Pay server's records as listed at ${asOf}; checking for newer ones…`
        : "Showing this terminal's sales; loading the KS Pay server's records…",
    arriving: (shown: string, total: string) =>
      `The newest ${shown} of ${total} transactions are listed; the rest are on their way…`,
    arrivingSoFar: (shown: string, total: string) =>
      `The newest ${shown} of the ${total} transactions read so far are listed; KS Pay is still sending the rest…`,
    empty: 'No transaction matches these filters.',
    tableLabel: 'Transactions',
    columns: {
      time: 'Time',
      reference: 'Reference',
      amount: 'Amount',
      currency: 'Currency',
      method: 'Method',
      status: 'Status',
      txnId: 'Transaction ID',
      cashier: 'Cashier',
      terminal: 'Terminal',
    },
    terminal: 'Terminal', // name
    anyTerminal: 'Every terminal',
    sortBy: (column: string) => `Sort by ${column}`,
    differs: 'Differs',
    differsTitle: 'The terminal and KS Pay disagree about this sale.',
    serverSays: 'KS Pay',
    terminalSays: 'Terminal',
    onlyServer: 'KS Pay only',
    onlyTerminal: 'Terminal only',
    openDetails: (reference: string) => `Details of ${reference}`,
  },
  detail: {
    heading: (reference: string) => `Sale ${reference}`,
    record: 'Record',
    timeline: 'Journal timeline',
    loadingTimeline: 'Loading the journal…',
    noTimeline: 'This sale was not made on this terminal, so its journal is elsewhere.',
    serverOnly:
      'Only on the KS Pay server: it was taken elsewhere (another terminal or the web), or this terminal lost its record.',
    terminalOnly:
      'Only on this terminal: KS Pay has no record of it (it never reached KS Pay, or the server list could not be loaded).',
    both: 'On this terminal and on the KS Pay server.',
    fields: {
      time: 'Time',
      reference: 'Reference',
      amount: 'Amount',
      status: 'Status',
      serverStatus: 'Status at KS Pay',
      terminalStatus: 'Status on the terminal',
      method: 'Method',
      txnId: 'Transaction ID',
      cashier: 'Cashier',
      source: 'Where it is recorded',
      flags: 'Differences',
      note: 'Note',
      providerOrderId: 'Provider order ID',
      providerPaymentId: 'Provider payment ID',
      verifiedAt: 'Confirmed by KS Pay',
      updatedAt: 'Last change',
      error: 'Last problem',
      saleId: 'Sale ID',
      demo: 'Demo',
    },
  },
  /** Status words: the cashier's own, one source. */
  status: messages.status,
  flags: {
    paid_after_cancel: 'Paid after it was cancelled at the counter',
    amount_mismatch: 'KS Pay has a different amount',
    currency_mismatch: 'KS Pay has a different currency',
    reference_mismatch: 'KS Pay has a different reference',
    redirect_lied: 'The checkout page reported a result KS Pay does not confirm',
    refunded_outside: 'Refunded outside the terminal',
  },
  pending: {
    heading: 'Pending',
    summary: (n: number) =>
      n === 1 ? '1 sale has no final outcome yet' : `${n} sales have no final outcome yet`,
    totals: 'Waiting, per currency',
    doingColumn: 'What the terminal is doing',
    issues: 'Reconcile issues',
    issuesLead:
      'Where the terminal and KS Pay disagree. Nothing is ever deleted; mark each one reviewed once you have dealt with it.',
    noIssues: 'No reconcile issues. The terminal and KS Pay agree.',
    noIssuesFound: 'No reconcile issues found in what could be compared with KS Pay (see the note above).',
    notChecked: 'Press Reconcile to compare the terminal with KS Pay.',
    reconcile: 'Reconcile', // name
    markReviewed: 'Mark reviewed', // name
    reviewed: 'Reviewed',
    note: 'Note (optional)',
    saving: 'Saving…',
    /** A sale the customer paid after the counter cancelled it: the manager says what became of the money. */
    afterCancel: {
      reason: 'What was done (needed for a refund)',
      keep: 'Keep the payment', // name
      refunded: 'Refunded outside the terminal', // name
      reasonHint:
        'Keep the payment when the customer took the goods. If the money went back (in the KS Pay dashboard, or in cash), say how and record the refund: the sale then leaves the day’s takings.',
    },
    kinds: {
      paid_after_cancel: 'Paid after cancel',
      amount_mismatch: 'Different amount',
      currency_mismatch: 'Different currency',
      reference_mismatch: 'Different reference',
      server_only: 'Only on KS Pay',
      terminal_only: 'Only on this terminal',
      still_pending: 'Still pending',
      reversed: 'Reversed after paid',
    } satisfies Record<ReconcileIssue['kind'], string>,
  },
  day: {
    heading: 'Day summary',
    day: 'Day', // name
    unresolved: (n: number) =>
      `${n} ${n === 1 ? 'sale has' : 'sales have'} no final outcome yet. See Pending.`,
    empty: 'No sales on this day.',
    gross: 'Gross taken',
    count: 'Sales',
    succeeded: 'Paid',
    failed: 'Failed',
    cancelled: 'Cancelled or expired',
    pending: 'Pending',
    paidAfterCancel: 'Paid after cancel',
    reversed: 'Reversed after paid (not in the total)',
    refundedOutside: 'Refunded outside the terminal (not in the total)',
    average: 'Average ticket',
    byMethod: 'By method',
    byCashier: 'By cashier',
    hourly: 'By hour',
    chartTitle: (currency: string) => `Paid per hour, ${currency}`,
    chartDesc: (busiest: string) => `Busiest hour: ${busiest}.`,
    chartNone: 'No paid sales yet.',
    showTable: 'Show as a table',
    hour: 'Hour',
    name: 'Name',
    byPeriod: 'By period', // name
    byPeriodLead:
      'A Z report closes every sale since the one before it, and the next period opens at once: the day’s sales, split by the report that closed them.',
    period: 'Period',
    periodClosedAt: 'Closed at',
    zPeriod: (n: number) => `Z report ${n}`,
    openPeriod: 'Open (not closed yet)',
    notClosed: '—',
    byTerminal: 'By terminal', // name
    byTerminalLead: "Every terminal's sales on this day, from the KS Pay server's records.",
  },
  merchant: {
    heading: 'Merchant day', // name
    lead: "Every terminal's day from the KS Pay server's records. Terminals are told apart by the prefix of their sale references; Elsewhere is every record no terminal made (the web shop, payment links).",
    refresh: 'Refresh', // name
    refreshing: 'Refreshing…',
    listedAt: (at: string) => `The KS Pay server's records as listed at ${at}.`,
    tableLabel: 'Merchant day by terminal', // name
    terminal: 'Terminal',
    currency: 'Currency',
    gross: 'Gross taken',
    succeeded: 'Paid',
    failed: 'Failed',
    cancelled: 'Cancelled or expired',
    pending: 'Pending',
    dayClosed: 'Day closed',
    noSales: 'No sales on this day.',
    allTerminals: 'All terminals', // name
    closed: {
      closed: 'Closed (Z report)',
      open: 'Not closed yet',
      unknown: 'Unknown',
    },
    unknownWhy:
      'The KS Pay server keeps no Z reports, so only this terminal knows whether it closed its day. Ask at that counter.',
  },
  reports: {
    heading: 'Reports',
    closeDay: 'Close day', // name
    openSince: (n: number, at: string) =>
      `Close day closes every sale since Z report ${n} (closed ${at}) into Z report ${n + 1}. New sales start the next period at once; a day can be closed more than once.`,
    openFirst:
      'Close day closes every sale so far into Z report 1. New sales start the next period at once; a day can be closed more than once.',
    closing: 'Closing…',
    print: 'Print report', // name
    paper: 'Paper', // name
    paperThermal: 'Receipt printer (80 mm)',
    paperA4: 'A4 page',
    past: 'Past Z reports',
    none: 'No day has been closed yet.',
    reprint: 'Reprint',
    view: 'View',
    // What holds the day open, as main's refusal says: unresolved sales, reversed payments, or both.
    overrideHeading: {
      sales: 'Close with unresolved sales',
      reversed: 'Close with reversed payments',
      both: 'Close with unresolved sales and reversed payments',
    },
    overrideLead: {
      sales:
        'The unresolved sales are listed on the report. Enter the manager PIN and say why the day is closed anyway.',
      reversed:
        'The payments KS Pay reversed after they were paid are listed on the report. Enter the manager PIN and say why the day is closed before they are reviewed.',
      both: 'The unresolved sales and the payments KS Pay reversed after they were paid are listed on the report. Enter the manager PIN and say why the day is closed anyway.',
    },
    reason: 'Reason', // name
    reasonRequired: 'Write a reason: it is printed on the Z report and kept in the audit log.',
    pinRequired: 'Enter the manager PIN.',
    closeAnyway: 'Close day anyway', // name
    zHeading: (n: number, day: string) => `Z report ${n} · ${day}`, // heading starts with "Z report"
    terminal: 'Terminal',
    periodFrom: 'Sales since',
    periodFirst: 'The first sale',
    closedAt: 'Closed at',
    closedBy: 'Closed by',
    overrideReason: {
      sales: 'Closed with unresolved sales because',
      reversed: 'Closed with reversed payments because',
      // Unresolved sales beside reversals that may have been reviewed, or a report older than its reversals list.
      override: "Closed with the manager's override because",
    },
    unresolvedSales: 'Unresolved sales',
    reversedSales: 'Reversed after paid',
    previousHash: 'Previous report hash',
    hash: 'Report hash',
    noSales: 'No sales on this day.',
  },
  settings: {
    heading: 'Settings',
    connection: 'Connection',
    environment: 'Environment', // name
    appId: 'App ID', // name
    keys: 'Keys',
    keysKept: 'Keys kept in', // name
    keysLead: 'Changing the keys asks for the manager PIN again.',
    changeKeys: 'Change keys and test connection', // name
    keysPinLead: 'Enter the manager PIN again to change the keys.',
    continue: 'Continue',
    keysSaved: 'The new keys are saved.',
    terminal: 'Terminal',
    terminalName: 'Terminal name', // name
    referencePrefix: 'Reference prefix', // name
    referencePrefixHint:
      '1 to 12 capital letters or digits, dashes only between them, at the start of every sale reference.',
    defaultCurrency: 'Default currency', // name
    defaultCurrencyHint: 'Three-letter code, e.g. INR. Leave empty to use the first one KS Pay offers.',
    defaultMethodId: 'Default payment method', // name
    receipt: 'Receipt',
    receiptHeader: 'Receipt header', // name
    receiptFooter: 'Receipt footer', // name
    printer: 'Printer',
    printerKind: 'Printer type', // name
    printerSystem: 'System printer',
    printerEscpos: 'Network receipt printer (ESC/POS)',
    printerHost: 'Printer host', // name
    printerPort: 'Printer port', // name
    paper: 'Paper', // name
    silent: 'Print without asking',
    customerDisplay: 'Customer display',
    customerScreen: 'Customer display screen', // name
    customerScreenOff: 'Off',
    customerScreenMissing: (name: string) => `${name} (not connected)`,
    customerScreenHint:
      'The customer sees the amount, the QR code and the result full screen on this display. It comes back on it after a restart and when it is plugged in again.',
    customerScreenBrowser:
      'In browser mode, choose Open customer display at the top of the desk and move that window to the screen facing the customer.',
    customerResultSeconds: 'Show the result for (seconds)', // name
    customerResultSecondsHint: 'Then the customer display shows the welcome again. 2 to 120.',
    behaviour: 'Screen and language',
    idleLock: 'Idle lock (minutes)', // name
    idleLockHint: '0 turns the idle lock off. At most 240.',
    locale: 'Locale', // name
    localeHint:
      'How dates, times and amounts are written on every screen and receipt. Automatic follows the terminal’s currency (English (India) for INR), else the computer.',
    localeAutomatic: (name: string) => `Automatic: ${name}`,
    localeSavedEarlier: (tag: string) => `${tag} (saved earlier, not on this list)`,
    localeInvalid:
      'This language tag, saved earlier, is not one the computer knows. Choose one from the list.',
    theme: 'Theme', // name
    themes: { system: 'Follow the computer', light: 'Light', dark: 'Dark' } satisfies Record<
      Settings['theme'],
      string
    >,
    payments: 'Payments',
    pendingLookup: 'Look up unconfirmed sales for (hours)', // name
    pendingLookupHint:
      'A sale KS Pay answered for but never confirmed stays pending and is looked up at every reconcile for this long. 24 to 720.',
    returnUrl: 'Checkout return address', // name
    returnUrlHint:
      'Where KS Pay sends the customer back after paying; the desktop app catches it (browser mode uses its own address). Change it only if your KS Pay environment refuses the default.',
    updates: 'Updates',
    autoUpdate: 'Install updates automatically', // name
    autoUpdateHint:
      'Checks the KS Pay update server for a new version and restarts into it only when no sale is running or waiting.',
    save: 'Save settings', // name
    saving: 'Saving…',
    saved: 'Settings saved.',
    fixFirst: 'Some fields need fixing before the settings can be saved.',
    numberRequired: 'Enter a whole number.',
    notEmpty: 'This cannot be empty.',
    atLeastChars: (n: number) => `Use at least ${n} characters.`,
    atMostChars: (n: number) => `Use at most ${n} characters.`,
    atLeast: (n: number) => `Use ${n} or more.`,
    atMost: (n: number) => `Use ${n} or less.`,
    notValid: 'This value is not valid here.',
    pinHeading: 'Manager PIN',
    pinLead: 'Change the PIN that opens this desk. You need the current PIN.',
    currentPin: 'Current PIN', // name
    newPin: 'New PIN', // name
    confirmPin: 'Confirm new PIN', // name
    pinRule: '4 to 8 digits.',
    changePin: 'Change PIN', // name
    changingPin: 'Changing…',
    pinBadFormat: 'The PIN is 4 to 8 digits. Use digits only.',
    pinMismatch: 'The two new PINs are different. Type the same new PIN twice.',
    pinChanged: 'The manager PIN is changed. Use the new PIN from now on.',
    cashiersHeading: 'Cashiers',
    cashiersLead:
      'Optional. When you add cashiers, each signs in at the counter with their own PIN before taking payments, and their name goes on every sale. With none, anyone at the counter can take payments.',
    noCashiers: 'No named cashiers yet.',
    cashierName: 'Cashier name', // name
    cashierNameRule: '1 to 40 characters.',
    cashierPin: 'Cashier PIN', // name
    addCashier: 'Add cashier', // name
    addingCashier: 'Adding…',
    removeCashier: (name: string) => `Remove ${name}`, // name
    cashierNameRequired: "Enter the cashier's name (1 to 40 characters).",
    cashierAdded: (name: string) => `${name} can now sign in at the counter with their PIN.`,
    cashierRemoved: (name: string) => `${name} can no longer sign in. Their past sales keep their name.`,
  },
  audit: {
    heading: 'Audit log',
    lead: 'Sensitive actions, oldest last. The log can only grow: nothing in it can be changed or deleted.',
    empty: 'Nothing has been logged yet.',
    time: 'Time',
    action: 'Action',
    actor: 'Who',
    detail: 'Detail',
    count: (n: number) => (n === 1 ? '1 entry' : `${n} entries`),
    /**
     * Each action code main writes, as the manager reads it. The export keeps the codes; a code not here
     * (written by a newer version) is shown as it is.
     */
    actions: {
      'audit.unreadable_line': 'A line of the log could not be read',
      'cashier.added': 'Cashier added',
      'cashier.removed': 'Cashier removed',
      'cashier.signed_in': 'Cashier signed in',
      'cashier.signed_out': 'Cashier signed out',
      'day.closed': 'Day closed',
      'day.closed_with_override': 'Day closed with the manager’s override',
      'demo.entered': 'Demo mode started',
      'diagnostics.saved': 'Diagnostics saved',
      'export.audit': 'Audit log exported',
      'export.transactions': 'Transactions exported',
      'export.zreport': 'Z report exported',
      'keys.changed': 'KS Pay keys changed',
      'keys.saved': 'KS Pay keys saved',
      'keys.store_chosen': 'Place for the keys chosen',
      'pin.changed': 'Manager PIN changed',
      'pin.failed': 'Wrong PIN typed',
      'pin.locked_out': 'PIN entry locked after wrong PINs',
      'pin.recovered': 'Manager PIN reset with the KS Pay keys',
      'pin.recovery_failed': 'Manager PIN reset refused',
      'pin.set': 'Manager PIN set',
      'receipt.printed': 'Receipt printed',
      'receipt.reprinted': 'Receipt reprinted',
      'reconcile.reviewed': 'Issue marked reviewed',
      'reconcile.run': 'Sales compared with KS Pay',
      'sale.paid_after_cancel_kept': 'Payment after cancel kept',
      'sale.refunded_outside': 'Refund outside the terminal recorded',
      'settings.changed': 'Settings changed',
      'staff.unlocked': 'Desk unlocked',
    } as Readonly<Record<string, string>>,
  },
} as const;
