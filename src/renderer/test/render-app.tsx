// Renders the whole app over a fake window.pos, the way a cashier meets it.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../App.tsx';
import { installFakePos, type FakePos, type Handlers } from './fake-pos.ts';
import { resetStores } from './reset-stores.ts';

export async function renderApp(
  handlers: Handlers = {},
): Promise<{ fake: FakePos; user: ReturnType<typeof userEvent.setup> }> {
  resetStores();
  const fake = installFakePos(handlers);
  const user = userEvent.setup();
  render(<App />);
  return { fake, user };
}

/** Waits until the sale screen has its currencies and methods. */
export async function saleScreenReady(): Promise<void> {
  await screen.findByRole('button', { name: /^Charge/ });
  await screen.findByRole('option', { name: /INR/ });
}
