import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { PosError } from '../../../shared/pos-error.ts';
import { installFakePos } from '../../test/fake-pos.ts';
import { ChangePinPanel } from './ChangePinPanel.tsx';

function setup(handlers: Parameters<typeof installFakePos>[0] = {}) {
  const fake = installFakePos(handlers);
  const user = userEvent.setup();
  render(<ChangePinPanel />);
  return { fake, user };
}

describe('ChangePinPanel', () => {
  it('changes the PIN with the current and new PIN and says so', async () => {
    const { fake, user } = setup({ 'staff.changePin': () => ({ ok: true }) });
    await user.type(screen.getByLabelText('Current PIN'), '1234');
    await user.type(screen.getByLabelText('New PIN'), '567890');
    await user.type(screen.getByLabelText('Confirm new PIN'), '567890');
    await user.click(screen.getByRole('button', { name: 'Change PIN' }));
    expect(await screen.findByText(/The manager PIN is changed/)).toBeInTheDocument();
    expect(fake.callsTo('staff.changePin')).toEqual([{ currentPin: '1234', newPin: '567890' }]);
    expect(screen.getByLabelText('Current PIN')).toHaveValue('');
  });

  it('asks for the same new PIN twice and calls nothing until it is', async () => {
    const { fake, user } = setup({ 'staff.changePin': () => ({ ok: true }) });
    await user.type(screen.getByLabelText('Current PIN'), '1234');
    await user.type(screen.getByLabelText('New PIN'), '5678');
    await user.type(screen.getByLabelText('Confirm new PIN'), '5679');
    await user.click(screen.getByRole('button', { name: 'Change PIN' }));
    expect(screen.getByLabelText('Confirm new PIN')).toHaveAccessibleDescription(
      'The two new PINs are different. Type the same new PIN twice.',
    );
    expect(fake.callsTo('staff.changePin')).toHaveLength(0);
  });

  it('shows why main refused the change', async () => {
    const { user } = setup({
      'staff.changePin': () => {
        throw new PosError('wrong_pin', 'The current PIN is not right. Check it and try again.');
      },
    });
    await user.type(screen.getByLabelText('Current PIN'), '1111');
    await user.type(screen.getByLabelText('New PIN'), '5678');
    await user.type(screen.getByLabelText('Confirm new PIN'), '5678');
    await user.click(screen.getByRole('button', { name: 'Change PIN' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The current PIN is not right.');
  });
});
