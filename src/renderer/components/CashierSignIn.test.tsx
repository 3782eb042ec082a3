import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PosError } from '../../shared/pos-error.ts';
import { makeSale, makeStatus } from '../test/fake-pos.ts';
import { renderApp } from '../test/render-app.tsx';

const withCashiers = (cashier: string | null = null) =>
  makeStatus({ cashiers: ['Asha', 'Ben'], cashier, role: 'cashier' });

describe('named cashiers at the counter', () => {
  it('asks who is at the counter before the keypad, and signs in with the PIN', async () => {
    const { user, fake } = await renderApp({
      'setup.status': () => withCashiers(),
      'staff.signIn': ({ name }) => {
        act(() => fake.emit('status.changed', withCashiers(name)));
        return { cashier: name };
      },
    });
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Charge/ })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Choose your name first.');

    await user.click(screen.getByRole('button', { name: 'Ben' }));
    expect(screen.getByRole('button', { name: 'Ben' })).toHaveAttribute('aria-pressed', 'true');
    await user.type(screen.getByLabelText('Cashier PIN'), '1357');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(fake.callsTo('staff.signIn')).toEqual([{ name: 'Ben', pin: '1357' }]);
    expect(await screen.findByRole('button', { name: /^Charge/ })).toBeInTheDocument();
    expect(screen.getByText('Cashier: Ben')).toBeInTheDocument();
  });

  it('shows a wrong PIN in plain words and clears the PIN', async () => {
    const { user } = await renderApp({
      'setup.status': () => withCashiers(),
      'staff.signIn': () => {
        throw new PosError('wrong_pin', 'Wrong PIN. 4 tries left before the PIN locks for a while.');
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Asha' }));
    await user.type(screen.getByLabelText('Cashier PIN'), '0000');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong PIN. 4 tries left');
    expect(screen.getByLabelText('Cashier PIN')).toHaveValue('');
  });

  it('Sign out returns to the sign-in, but not while a sale is in progress', async () => {
    const { user, fake } = await renderApp({
      'setup.status': () => withCashiers('Asha'),
      'staff.signOut': () => {
        act(() => fake.emit('status.changed', withCashiers()));
        return { ok: true };
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
  });

  it('a sale in progress is shown even when nobody is signed in', async () => {
    await renderApp({ 'setup.status': () => withCashiers(), 'sales.current': () => makeSale() });
    expect(await screen.findByRole('heading', { name: 'Waiting for the customer' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Sign in' })).toBeNull();
  });

  it('offers no Sign out while the signed-in cashier has a sale in progress', async () => {
    await renderApp({ 'setup.status': () => withCashiers('Asha'), 'sales.current': () => makeSale() });
    await screen.findByRole('heading', { name: 'Waiting for the customer' });
    expect(screen.getByText('Cashier: Asha')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Sign out' })).toBeNull();
  });
});
