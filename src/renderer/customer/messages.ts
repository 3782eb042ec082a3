// Every word the customer display shows: short, large, and never about anyone but this customer.

export const customerMessages = {
  welcome: 'Welcome',
  welcomeBody: 'Your total will appear here.',
  amount: 'Amount to pay',
  payingBy: (method: string) => `Paying by ${method}`,
  scanToPay: 'Scan with your phone to pay',
  /** Instead of scanToPay when the code's address is on the terminal's computer (Demo mode's KS Pay). */
  thisComputerOnly: 'This code opens only on the terminal’s computer, not on a phone.',
  qrAlt: 'QR code of the payment page',
  preparing: 'Getting your payment ready…',
  checking: 'Checking your payment…',
  checkingBody: 'Please wait a moment.',
  paid: 'Paid, thank you',
  notCompleted: 'Payment not completed',
  notCompletedBody: 'No money was taken. Please ask the cashier.',
  cancelled: 'Cancelled',
  cancelledBody: 'No money was taken.',
  connecting: 'Connecting to the terminal…',
  notAnswering: 'The terminal is not answering. Check that it is running, then reload this page.',
  unreadable:
    'The terminal sent something this display cannot show. Reload this page; if it keeps happening, restart the terminal.',
} as const;
