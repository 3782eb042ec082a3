import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { installFakePos } from '../test/fake-pos.ts';
import { resetStores } from '../test/reset-stores.ts';
import { ManagerUnlock } from './ManagerUnlock.tsx';

describe('ManagerUnlock', () => {
  it('resets a forgotten PIN with the KS Pay keys and returns to the PIN prompt', async () => {
    resetStores();
    const fake = installFakePos({ 'staff.recoverPin': () => ({ ok: true }) });
    const user = userEvent.setup();
    render(<ManagerUnlock hasPin onUnlocked={vi.fn()} onCancel={vi.fn()} />);

    await user.click(screen.getByRole('button', { name: 'Forgot PIN?' }));
    expect(screen.getByText(/proves you own this terminal/)).toBeInTheDocument();
    expect(screen.getByLabelText('Secret key')).toHaveAttribute('type', 'password');
    await user.type(screen.getByLabelText('Access key'), 'ak_live_123');
    await user.type(screen.getByLabelText('Secret key'), 'sk_live_456');
    await user.type(screen.getByLabelText('New PIN'), '97531');
    await user.type(screen.getByLabelText('Confirm new PIN'), '97531');
    await user.click(screen.getByRole('button', { name: 'Reset PIN' }));

    expect(await screen.findByText(/The manager PIN was reset/)).toBeInTheDocument();
    expect(fake.callsTo('staff.recoverPin')).toEqual([
      { accessKey: 'ak_live_123', secretKey: 'sk_live_456', newPin: '97531' },
    ]);
    expect(screen.getByLabelText('Manager PIN')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Open desk' })).toBeInTheDocument();
  });
});
