// Every string the cashier screens show, in one place so a translation replaces one file.
// Accessible names that tests and assistive technology rely on are marked "name": change them only with their tests.
import type { SaleStatus } from '../../shared/domain.ts';

export const messages = {
  app: {
    title: 'KS Pay POS',
    loading: 'Starting the terminal…',
    loadFailed: 'The terminal could not start.',
    notConnected: 'Connect this browser to the terminal',
    retry: 'Try again',
    somethingWrong:
      'Something went wrong. Try again; if it keeps happening, ask the manager to check the connection.',
  },
  policy: {
    heading: 'This terminal’s policy has problems',
    lead: 'Your organisation sets up this terminal with a policy file. The file has the problems below, so the terminal takes no payments until your IT team fixes it.',
    file: 'Policy file',
    field: 'Field',
    value: 'Value found',
    allowed: 'What is allowed',
    noValue: '(none)',
    watching:
      'The terminal reads the file again as soon as it is saved: this screen goes away by itself once the file is right.',
    setByOrganisation: 'Set by your organisation',
    connectionLocked: 'Set by your organisation: only the keys are entered on this terminal.',
    bounds: (min: number, max: number) => `Your organisation allows ${min} to ${max} minutes.`,
  },
  bridge: {
    outOfStep: 'This version of the app is out of step with the terminal. Restart the app.',
    notAnswering:
      'The terminal is not answering. Check that browser mode is still running, then reload this page.',
  },
  errorBoundary: {
    heading: 'Something went wrong on this screen',
    body: 'Your sales are safe: every step is saved before it happens. Reload the screen to carry on.',
    reload: 'Reload the screen',
  },
  firstStart: {
    heading: 'Welcome to KS Pay POS',
    lead: 'Take card, UPI and bank payments at your counter through KS Pay.',
    demoTitle: 'Just looking?',
    demoBody: 'Take a pretend payment in under a minute. No keys and no real money.',
    demoSetByPolicy: 'Your organisation connects this terminal to KS Pay, so Demo mode is not offered here.',
    tryDemo: 'Try Demo mode', // name
    connectTitle: 'Ready to take payments?',
    connectBody: 'Enter the App ID and keys from your KS Pay dashboard.',
    connect: 'Connect to KS Pay', // name
  },
  connect: {
    heading: 'Connect to KS Pay',
    againHeading: 'Type the KS Pay keys again',
    againLead:
      'The keys were kept for this session only, so they were gone when KS Pay POS restarted. Type them again to take payments.',
    againLeadMissing:
      'No KS Pay keys can be read on this terminal now, so it cannot take payments. Type them again to carry on.',
    againPinLead: 'Enter the manager PIN to type the keys again.',
    againPinContinue: 'Continue', // name
    environment: 'Environment', // name
    environments: {
      sandbox: 'Built-in Demo sandbox',
      'kspay-sandbox': 'KS Pay sandbox (test money)',
      live: 'KS Pay live (real money)',
      custom: 'Custom URL',
    },
    sandboxHint:
      'The built-in sandbox runs on this computer and takes pretend payments. It needs no keys: Save starts Demo mode. (Test connection checks the keys that npm run sandbox prints.)',
    liveHint: 'Live takes real money from real customers.',
    baseUrl: 'API base URL', // name
    baseUrlHint: 'For example https://pay.example.com',
    appId: 'App ID', // name
    accessKey: 'Access key', // name
    secretKey: 'Secret key', // name
    show: 'Show',
    hide: 'Hide',
    test: 'Test connection', // name
    testing: 'Testing…',
    testWorked: 'Everything worked. Save to start taking payments.',
    testFailed: 'Something needs fixing before you save:',
    save: 'Save', // name
    saving: 'Saving…',
    back: 'Back',
    required: (field: string) => `${field} is required.`,
    badUrl: 'Enter the full address, starting with https:// (or http:// on this computer).',
  },
  keyStore: {
    keychain: (name: string | undefined) =>
      `Your keys are kept in ${name ?? 'this computer’s keychain (GNOME Keyring or KWallet)'}, never in a plain file.`,
    encryptedFile: 'Your keys are kept in a file encrypted with a key that this computer’s keychain holds.',
    ownerOnlyFile:
      'Your keys are kept in a file only this computer account can read. It is not encrypted: anyone who can read this account’s files, or an administrator, can read the keys.',
    session:
      'Your keys are kept for this session only: they are not written anywhere, and you type them again after KS Pay POS restarts.',
    chooseFirst: 'Choose below where to keep your keys, then test and save.',
    noStoreTitle: 'This computer has no working keychain',
    noStoreBody:
      'KS Pay POS cannot keep the keys in a keychain here, so you choose below where they are kept.',
    why: 'Why:', // name
    legend: 'Where to keep the keys', // name
    sessionOption: 'This session only', // name
    sessionHint: 'Nothing is written to disk. You type the keys again every time KS Pay POS restarts.',
    fileOption: 'A file only this computer account can read', // name
    fileHint:
      'The keys are still there after a restart. Weaker than a keychain: the file is not encrypted, so anyone who can read this computer account’s files, or an administrator, can read the keys.',
    realStore:
      'For a real keychain instead, see “Give a kiosk a key store” in the KS Pay POS README, then restart KS Pay POS.',
    choose:
      'Choose where to keep the keys first: this session only, or a file only this computer account can read.',
    label: {
      keychain: (name: string | undefined) => name ?? 'This computer’s keychain (GNOME Keyring or KWallet)',
      encryptedFile: 'A file encrypted by this computer’s keychain',
      ownerOnlyFile: 'A file only this computer account can read (not encrypted)',
      session: 'This session only (typed again after a restart)',
    },
  },
  pin: {
    heading: 'Set a manager PIN',
    lead: 'The PIN protects the keys, settings and reports. Cashiers do not need it to take payments.',
    pin: 'Manager PIN', // name
    confirm: 'Confirm PIN', // name
    rule: '4 to 8 digits.',
    save: 'Save', // name
    saving: 'Saving…',
    mismatch: 'The two PINs are different. Type the same PIN twice.',
    badFormat: 'The PIN is 4 to 8 digits.',
  },
  header: {
    online: 'Online',
    offline: 'Offline',
    demo: 'Demo',
    notConfigured: 'Not connected',
    connection: 'Connection',
    connectionMore: 'Details', // name
    offlineTitle: 'Offline: KS Pay does not answer',
    connectionClose: 'Close', // name
    demoBanner: 'Demo mode: payments are pretend and no money moves.',
    manager: 'Manager', // name
    pending: (n: number) => (n === 1 ? '1 pending' : `${n} pending`),
    noPending: 'None pending',
  },
  cashier: {
    heading: 'Sign in', // name
    lead: 'Choose your name and enter your PIN to take payments.',
    who: 'Cashier',
    pin: 'Cashier PIN', // name
    signIn: 'Sign in', // name
    signingIn: 'Signing in…',
    chooseName: 'Choose your name first.',
    pinRequired: 'Enter your PIN: 4 to 8 digits.',
    signedIn: (name: string) => `Cashier: ${name}`,
    signOut: 'Sign out', // name
    managerHint: 'Forgot your PIN? Ask the manager: they can remove you and add you again with a new PIN.',
  },
  sale: {
    heading: 'Sale',
    currency: 'Currency', // name
    method: 'Payment method',
    noMethods: 'No payment method is available for this currency. Choose another currency.',
    amount: 'Amount',
    note: 'Note or reference (optional)',
    notePlaceholder: 'e.g. table 4, invoice 1182',
    keypad: 'Keypad',
    backspace: 'Backspace', // name
    clear: 'Clear',
    charge: (amount: string) => `Charge ${amount}`, // name starts with "Charge"
    chooseMethod: 'Choose a payment method to charge.',
    enterAmount: 'Key in an amount to charge.',
    amountTooLarge: (largest: string) =>
      `That key was not taken: the largest amount one sale can charge is ${largest}. Split a larger sum into several sales.`,
    keyboardHint: 'Keyboard: digits, Backspace, Enter to charge, Esc to clear.',
    loadingCatalog: 'Loading currencies and payment methods…',
    catalogFailed: 'Could not load currencies and payment methods.',
    starting: 'Starting the payment…',
    recent: 'Recent sales',
    noRecent: 'Sales you take appear here.',
    dayClosed: (n: number, time: string) =>
      `The day was closed at ${time} (Z report ${n}). New sales go into the next period.`,
  },
  paying: {
    preparing: 'Preparing the payment…',
    waiting: 'Waiting for the customer',
    verifying: 'Checking the payment with KS Pay…',
    qrAlt: 'Payment QR code', // name
    qrHint: 'The customer can pay in the checkout window, or scan this code with a phone camera.',
    qrPending: 'The QR code appears as soon as KS Pay returns the checkout page.',
    /** Beside a QR of an address on this computer (Demo mode's built-in KS Pay, a KS Pay run on this computer). */
    qrThisComputerOnly: (demo: boolean) =>
      `${demo ? 'Demo: this' : 'This'} QR code opens only on this computer, not on a phone. Pay in the checkout window instead.`,
    elapsed: 'Waiting for',
    openAgain: 'Open checkout again',
    cancel: 'Cancel sale', // name
    confirmCancel: 'Cancel this sale?',
    confirmCancelBody:
      'If the customer has already paid, the payment is still found and shown, never hidden.',
    confirmYes: 'Yes, cancel sale',
    confirmNo: 'Keep waiting',
    cancelling: 'Cancelling…',
    reference: 'Reference',
  },
  result: {
    succeeded: 'Payment successful', // name
    failed: 'Payment failed', // name
    cancelled: 'Payment cancelled', // name
    pending: 'Payment pending', // name
    succeededWord: 'Paid',
    failedWord: 'Not paid',
    cancelledWord: 'Cancelled',
    pendingWord: 'Not confirmed yet',
    paidAfterCancelWord: 'Money taken: do not charge again',
    notReached: 'Not charged: KS Pay could not be reached', // name
    notReachedWord: 'Not charged',
    succeededBody: 'KS Pay confirmed the payment.',
    failedBody: 'No money was taken. You can charge again.',
    expiredBody: 'The checkout expired before the customer paid. No money was taken.',
    cancelledBody: 'The sale was cancelled. No money was taken.',
    pendingBody:
      'The terminal could not confirm this payment yet. It keeps checking with KS Pay and the result appears under Pending. Do not charge the customer again.',
    paidAfterCancel:
      'This sale was cancelled at the counter, but KS Pay reports it paid. The manager sees it in Pending.',
    amount: 'Amount',
    method: 'Method',
    time: 'Time',
    reference: 'Reference',
    transactionId: 'Transaction ID',
    note: 'Note',
    none: '—',
    checkAgain: 'Check again',
    print: 'Print receipt', // name
    printing: 'Printing…',
    printed: 'Sent to the printer.',
    printedDuplicate:
      'This receipt was printed before, so this copy is marked DUPLICATE. The reprint is in the audit log.',
    newSale: 'New sale', // name
  },
  // The receipt's own words come from src/shared/receipt.ts, shared with the ESC/POS printer.
  receipt: {
    heading: 'Receipt',
    qrAlt: 'Transaction ID QR code',
  },
  pending: {
    heading: 'Pending sales',
    lead: 'Sales whose outcome KS Pay has not confirmed yet, oldest first.',
    empty: 'Nothing is pending. Every sale has a confirmed result.',
    checkNow: 'Check now',
    checking: 'Checking…',
    close: 'Close',
    age: (minutes: number) =>
      minutes < 1 ? 'under a minute ago' : minutes === 1 ? '1 minute ago' : `${minutes} minutes ago`,
    checked: (settled: number, still: number) => `Checked: ${settled} settled, ${still} still pending.`,
    doing: {
      awaiting_payment: 'Waiting for the customer; checking KS Pay every few seconds.',
      verifying: 'Checking the payment with KS Pay.',
      unknown: 'Outcome not known yet; the terminal asks KS Pay again until it is.',
      starting: 'Starting with KS Pay; the terminal looks the sale up before sending anything again.',
    },
  },
  manager: {
    unlockHeading: 'Manager',
    unlockLead: 'Enter the manager PIN to open the desk.',
    pin: 'Manager PIN', // name
    open: 'Open desk',
    cancel: 'Cancel',
    loadingDesk: 'Opening the manager desk…',
    setPinFirst: 'Set a manager PIN first. It protects the keys, settings and reports.',
    notManager: 'That PIN does not open the manager desk. Ask the manager to enter theirs.',
    locked:
      'The manager desk locked itself after a while without use. Press Manager and enter the PIN to open it again.',
    forgot: 'Forgot PIN?', // name
    recoverHeading: 'Reset the manager PIN',
    recoverLead: 'Re-entering the KS Pay access key and secret key proves you own this terminal.',
    accessKey: 'Access key', // name
    secretKey: 'Secret key', // name
    newPin: 'New PIN', // name
    confirmPin: 'Confirm new PIN', // name
    reset: 'Reset PIN', // name
    resetting: 'Resetting…',
    keysRequired: 'Enter both KS Pay keys, exactly as they are in the KS Pay dashboard.',
    resetDone: 'The manager PIN was reset. Enter the new PIN to open the desk.',
  },
  /** Status words, one per status (the desk filters by them), for the cashier and the desk alike. */
  status: {
    draft: 'Draft',
    initiating: 'Starting',
    processing: 'Processing',
    awaiting_payment: 'Waiting for payment',
    verifying: 'Verifying',
    succeeded: 'Paid',
    failed: 'Failed',
    cancelled: 'Cancelled',
    expired: 'Expired',
    unknown: 'Not confirmed',
  } satisfies Record<SaleStatus, string>,
  /** A sale cancelled at the counter that the customer paid anyway, before and after the manager's refund. */
  afterCancel: {
    paid: 'Paid after cancel',
    refunded: 'Refunded outside the terminal',
  },
} as const;
