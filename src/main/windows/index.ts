// The Electron windows the shell opens: the cashier's, the customer display's (and the controller that
// keeps it on the chosen screen) and the customer's checkout.
export { createMainWindow } from './main-window.ts';
export { openCustomerWindow } from './customer-window.ts';
export {
  createCustomerWindowController,
  type CustomerWindowController,
} from './customer-window-controller.ts';
export { isCheckoutContents, openCheckoutWindow } from './checkout-window.ts';
