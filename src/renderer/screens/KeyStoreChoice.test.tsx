// The Connect screen names the store the keys really go to, and where no keychain works it says so
// before Save and has the manager choose; a terminal that kept its keys for this session only asks for
// them again after a restart.
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { VaultStatus } from '../../shared/domain.ts';
import { ConnectionPanel } from '../desk/screens/settings/ConnectionPanel.tsx';
import { useAppStatus } from '../stores/index.ts';
import { makeStatus } from '../test/fake-pos.ts';
import { renderApp } from '../test/render-app.tsx';
import { resetStores } from '../test/reset-stores.ts';

const NO_BUS =
  "This computer's keychain cannot be reached: there is no desktop session (D-Bus session bus) for KS Pay POS to ask (Could not connect: No such file or directory).";

const firstRun = (vault: VaultStatus) =>
  makeStatus({
    mode: 'first-run',
    hasKeys: false,
    hasPin: false,
    connection: { state: 'not_configured' },
    vault,
  });

async function openConnect(vault: VaultStatus) {
  const app = await renderApp({ 'setup.status': () => firstRun(vault) });
  await app.user.click(await screen.findByRole('button', { name: 'Connect to KS Pay' }));
  return app;
}

async function typeKeys(user: Awaited<ReturnType<typeof renderApp>>['user']) {
  await user.type(screen.getByRole('textbox', { name: 'App ID' }), 'app_1');
  await user.type(screen.getByRole('textbox', { name: 'Access key' }), 'ak_1');
  await user.type(screen.getByLabelText('Secret key'), 'sk_1');
}

describe('the Connect screen names where the keys go', () => {
  it('a working keychain: says the keychain, offers no other store', async () => {
    await openConnect({ store: 'keychain', secure: true });
    expect(screen.getByTestId('key-store-lead')).toHaveTextContent(
      'Your keys are kept in this computer’s keychain (GNOME Keyring or KWallet), never in a plain file.',
    );
    expect(screen.queryByRole('radio')).toBeNull();
  });

  it('no keychain: says so and why before Save, and Save waits for a choice', async () => {
    const { user, fake } = await openConnect({ store: 'session', secure: false, unusable: NO_BUS });
    expect(screen.getByText('This computer has no working keychain')).toBeInTheDocument();
    expect(screen.getByText(/Could not connect: No such file or directory/)).toBeInTheDocument();
    expect(screen.getByTestId('key-store-lead')).toHaveTextContent('Choose below where to keep your keys');
    expect(screen.getByRole('radio', { name: /This session only/ })).not.toBeChecked();
    expect(
      screen.getByRole('radio', { name: /A file only this computer account can read/ }),
    ).toHaveAccessibleDescription(
      /not encrypted, so anyone who can read this computer account’s files, or an administrator, can read the keys/,
    );

    await typeKeys(user);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Choose where to keep the keys first');
    expect(screen.getByRole('radio', { name: /This session only/ })).toHaveFocus();
    expect(fake.callsTo('setup.saveConnection')).toHaveLength(0);
  });

  it('choosing the file tells main, and the words then name the file and its weakness', async () => {
    const { user, fake } = await openConnect({ store: 'session', secure: false, unusable: NO_BUS });
    fake.handle('setup.chooseKeyStore', () =>
      firstRun({ store: 'owner-only-file', secure: false, unusable: NO_BUS, choice: 'owner-only-file' }),
    );
    await typeKeys(user);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Choose where to keep the keys first');
    await user.click(screen.getByRole('radio', { name: /A file only this computer account can read/ }));
    expect(fake.callsTo('setup.chooseKeyStore')).toEqual([{ store: 'owner-only-file' }]);
    expect(
      await screen.findByRole('radio', { name: /A file only this computer account can read/ }),
    ).toBeChecked();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByTestId('key-store-lead')).toHaveTextContent(
      'Your keys are kept in a file only this computer account can read. It is not encrypted',
    );
  });

  it('this session only: says plainly the keys are typed again after a restart', async () => {
    await openConnect({ store: 'session', secure: false, unusable: NO_BUS, choice: 'session' });
    expect(screen.getByRole('radio', { name: /This session only/ })).toBeChecked();
    expect(screen.getByTestId('key-store-lead')).toHaveTextContent(
      'Your keys are kept for this session only: they are not written anywhere, and you type them again after KS Pay POS restarts.',
    );
  });
});

describe('after a restart with the keys kept for this session only', () => {
  it('asks for the manager PIN, then for the keys again with the connection it had', async () => {
    const vault: VaultStatus = { store: 'session', secure: false, unusable: NO_BUS, choice: 'session' };
    const again = makeStatus({
      mode: 'live',
      hasKeys: false,
      hasPin: true,
      role: 'cashier',
      connection: { state: 'not_configured' },
      settings: { environment: 'custom', customBaseUrl: 'http://127.0.0.1:4010', appId: 'app_1' },
      vault,
    });
    const { user, fake } = await renderApp({ 'setup.status': () => again });
    fake.handle('staff.unlock', () => ({ role: 'manager' }));
    expect(await screen.findByRole('heading', { name: 'Type the KS Pay keys again' })).toBeInTheDocument();
    expect(
      screen.getByText(/kept for this session only, so they were gone when KS Pay POS restarted/),
    ).toBeInTheDocument();
    await user.type(screen.getByLabelText('Manager PIN'), '2468');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByRole('textbox', { name: 'App ID' })).toHaveValue('app_1');
    expect(screen.getByRole('textbox', { name: 'API base URL' })).toHaveValue('http://127.0.0.1:4010');
    expect(screen.getByRole('radio', { name: /This session only/ })).toBeChecked();
  });
});

describe('Settings → Connection', () => {
  it('shows which store holds the keys now', () => {
    resetStores();
    const status = makeStatus({
      mode: 'live',
      vault: { store: 'owner-only-file', secure: false, choice: 'owner-only-file' },
    });
    useAppStatus.getState().setStatus(status);
    render(
      <ConnectionPanel
        current={status.settings}
        locked={false}
        keysSaved={false}
        onChangeKeys={() => undefined}
      />,
    );
    expect(screen.getByTestId('key-store')).toHaveTextContent(
      'A file only this computer account can read (not encrypted)',
    );
    expect(screen.getByText(/or an administrator, can read the keys/)).toBeInTheDocument();
  });
});
