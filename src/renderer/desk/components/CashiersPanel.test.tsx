import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { PosError } from '../../../shared/pos-error.ts';
import { useAppStatus } from '../../stores/index.ts';
import { installFakePos, makeStatus } from '../../test/fake-pos.ts';
import { resetStores } from '../../test/reset-stores.ts';
import { CashiersPanel } from './CashiersPanel.tsx';

/** A fake main that keeps its list of cashiers, as the staff service does. */
function setup(names: string[] = []) {
  resetStores();
  const cashiers = [...names];
  const fake = installFakePos({
    'setup.status': () => makeStatus({ role: 'manager', cashiers }),
    'staff.addCashier': ({ name }) => {
      if (cashiers.some((c) => c.toLowerCase() === name.toLowerCase()))
        throw new PosError(
          'cashier_exists',
          `There is already a cashier called ${name}. Choose another name.`,
        );
      cashiers.push(name);
      return { ok: true };
    },
    'staff.removeCashier': ({ name }) => {
      cashiers.splice(cashiers.indexOf(name), 1);
      return { ok: true };
    },
  });
  useAppStatus.getState().setStatus(makeStatus({ role: 'manager', cashiers }));
  const user = userEvent.setup();
  render(<CashiersPanel />);
  return { fake, user };
}

const list = () => screen.getByRole('list', { name: 'Cashiers' });

describe('CashiersPanel', () => {
  it('adds a named cashier with their PIN and lists them', async () => {
    const { fake, user } = setup();
    expect(screen.getByText('No named cashiers yet.')).toBeInTheDocument();
    await user.type(screen.getByLabelText('Cashier name'), '  Asha ');
    await user.type(screen.getByLabelText('Cashier PIN'), '2468');
    await user.click(screen.getByRole('button', { name: 'Add cashier' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Asha can now sign in at the counter');
    expect(fake.callsTo('staff.addCashier')).toEqual([{ name: 'Asha', pin: '2468' }]);
    expect(within(list()).getByText('Asha')).toBeInTheDocument();
    expect(screen.getByLabelText('Cashier name')).toHaveValue('');
    expect(screen.getByLabelText('Cashier PIN')).toHaveValue('');
  });

  it('checks the name and PIN in plain words before asking main', async () => {
    const { fake, user } = setup();
    await user.click(screen.getByRole('button', { name: 'Add cashier' }));
    expect(screen.getByLabelText('Cashier name')).toHaveAccessibleDescription(
      "Enter the cashier's name (1 to 40 characters).",
    );
    await user.type(screen.getByLabelText('Cashier name'), 'Ben');
    await user.type(screen.getByLabelText('Cashier PIN'), '12');
    await user.click(screen.getByRole('button', { name: 'Add cashier' }));
    expect(screen.getByLabelText('Cashier PIN')).toHaveAccessibleDescription(/4 to 8 digits/);
    expect(fake.callsTo('staff.addCashier')).toHaveLength(0);
  });

  it('shows why main refused a name and keeps what was typed', async () => {
    const { user } = setup(['Asha']);
    await user.type(screen.getByLabelText('Cashier name'), 'asha');
    await user.type(screen.getByLabelText('Cashier PIN'), '1357');
    await user.click(screen.getByRole('button', { name: 'Add cashier' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('There is already a cashier called asha.');
    expect(screen.getByLabelText('Cashier name')).toHaveValue('asha');
  });

  it('removes a cashier', async () => {
    const { fake, user } = setup(['Asha', 'Ben']);
    await user.click(screen.getByRole('button', { name: 'Remove Asha' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Asha can no longer sign in');
    expect(fake.callsTo('staff.removeCashier')).toEqual([{ name: 'Asha' }]);
    expect(within(list()).queryByText('Asha')).toBeNull();
    expect(within(list()).getByText('Ben')).toBeInTheDocument();
  });
});
