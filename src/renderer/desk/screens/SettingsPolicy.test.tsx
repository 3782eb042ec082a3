// Settings under a machine policy: what it sets shows as "Set by your organisation" and cannot be edited,
// the rest still saves, and the idle lock says the bounds the policy allows.
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Settings } from '../../../shared/domain.ts';
import { makeStatus } from '../../test/fake-pos.ts';
import { useAppStatus } from '../../stores/index.ts';
import { renderDesk } from '../test/render-desk.tsx';

const saved = Settings.parse({
  environment: 'custom',
  customBaseUrl: 'https://pay.example.com',
  appId: 'app_chain',
  receiptFooter: 'Chain Ltd',
  printer: { kind: 'system', silent: true },
  autoUpdate: { enabled: true },
});

function lockedDesk(locked: string[], idleLockBounds?: { min: number; max: number }) {
  const rendered = renderDesk({
    'settings.get': () => saved,
    'settings.update': (update) => ({ ...saved, ...(update as object) }),
  });
  useAppStatus.getState().setStatus(
    makeStatus({
      role: 'manager',
      settings: saved,
      policy: {
        path: '/etc/ks-pay-pos/policy.json',
        locked,
        problems: [],
        ...(idleLockBounds ? { idleLockBounds } : {}),
      },
    }),
  );
  return rendered;
}

describe('Settings under a machine policy', () => {
  it('shows each locked setting as set by the organisation, disabled, and saves the others', async () => {
    const { user, fake } = lockedDesk([
      'receiptFooter',
      'printer',
      'autoUpdate',
      'environment',
      'customBaseUrl',
      'appId',
    ]);
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    const footer = await screen.findByRole('textbox', { name: 'Receipt footer' });
    expect(footer).toBeDisabled();
    expect(footer).toHaveValue('Chain Ltd');
    expect(footer).toHaveAccessibleDescription('Set by your organisation');
    expect(screen.getByRole('combobox', { name: 'Printer type' })).toBeDisabled();
    expect(screen.getByRole('combobox', { name: 'Paper' })).toBeDisabled();
    expect(screen.getByRole('checkbox', { name: 'Print without asking' })).toBeDisabled();
    expect(screen.getByRole('checkbox', { name: 'Install updates automatically' })).toBeDisabled();
    expect(
      screen.getByText(/Set by your organisation: only the keys are entered on this terminal/),
    ).toBeInTheDocument();

    const header = screen.getByRole('textbox', { name: 'Receipt header' });
    expect(header).toBeEnabled();
    await user.clear(header);
    await user.type(header, 'Store 12');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Settings saved.')).toBeInTheDocument();
    expect(fake.callsTo('settings.update')).toEqual([{ receiptHeader: 'Store 12' }]);
  });

  it('says the idle-lock minutes the organisation allows', async () => {
    const { user } = lockedDesk([], { min: 2, max: 15 });
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    const idle = await screen.findByRole('textbox', { name: /Idle lock/ });
    expect(idle).toBeEnabled();
    expect(idle).toHaveAccessibleDescription(
      expect.stringContaining('Your organisation allows 2 to 15 minutes.'),
    );
  });
});
