import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeStatus } from '../test/fake-pos.ts';
import { renderApp } from '../test/render-app.tsx';

const firstRun = makeStatus({
  mode: 'first-run',
  hasKeys: false,
  hasPin: false,
  connection: { state: 'not_configured' },
});

describe('first start', () => {
  it('offers Try Demo mode and Connect to KS Pay', async () => {
    await renderApp({ 'setup.status': () => firstRun });
    expect(await screen.findByRole('button', { name: 'Try Demo mode' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Connect to KS Pay' })).toBeEnabled();
  });

  it('Try Demo mode starts the demo and lands on the sale screen with the Demo banner', async () => {
    const { user, fake } = await renderApp({
      'setup.status': () => firstRun,
      'setup.startDemo': () => makeStatus({ mode: 'demo', hasPin: false }),
    });
    await user.click(await screen.findByRole('button', { name: 'Try Demo mode' }));
    expect(await screen.findByRole('button', { name: /^Charge/ })).toBeInTheDocument();
    expect(screen.getByRole('note')).toHaveTextContent('Demo mode');
    expect(screen.getByRole('status', { name: 'Connection' })).toHaveTextContent('Demo');
    expect(fake.callsTo('setup.startDemo')).toHaveLength(1);
  });
});

describe('the connect screen', () => {
  async function openConnect() {
    const app = await renderApp({ 'setup.status': () => firstRun });
    await app.user.click(await screen.findByRole('button', { name: 'Connect to KS Pay' }));
    return app;
  }

  it('lists the four environments by value and asks for the base URL only for custom', async () => {
    const { user } = await openConnect();
    const environment = screen.getByRole('combobox', { name: 'Environment' });
    const values = within(environment)
      .getAllByRole('option')
      .map((o) => (o as HTMLOptionElement).value);
    expect(values).toEqual(['sandbox', 'kspay-sandbox', 'live', 'custom']);
    expect(screen.queryByRole('textbox', { name: 'API base URL' })).toBeNull();
    await user.selectOptions(environment, 'custom');
    expect(screen.getByRole('textbox', { name: 'API base URL' })).toBeInTheDocument();
  });

  it('masks the secret key until Show is pressed', async () => {
    const { user } = await openConnect();
    const secret = screen.getByLabelText('Secret key');
    expect(secret).toHaveAttribute('type', 'password');
    await user.click(screen.getByRole('button', { name: 'Show' }));
    expect(secret).toHaveAttribute('type', 'text');
    expect(screen.getByRole('button', { name: 'Hide' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('says which fields are missing instead of sending an empty form', async () => {
    const { user, fake } = await openConnect();
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(screen.getByText('App ID is required.')).toBeInTheDocument();
    expect(screen.getByText('Secret key is required.')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'App ID' })).toHaveFocus();
    expect(fake.callsTo('setup.testConnection')).toEqual([]);
  });

  it('Test connection says in plain words what worked and what to fix', async () => {
    const { user, fake } = await openConnect();
    fake.handle('setup.testConnection', () => ({
      ok: false,
      steps: [
        { name: 'Token', ok: true, message: 'The keys were accepted.' },
        { name: 'Currencies', ok: false, message: 'The currency list could not be read. Check the App ID.' },
      ],
    }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Environment' }), 'custom');
    await user.type(screen.getByRole('textbox', { name: 'API base URL' }), 'http://127.0.0.1:4010');
    await user.type(screen.getByRole('textbox', { name: 'App ID' }), 'app_1');
    await user.type(screen.getByRole('textbox', { name: 'Access key' }), 'ak_1');
    await user.type(screen.getByLabelText('Secret key'), 'sk_1');
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(
      await screen.findByText(/The currency list could not be read. Check the App ID./),
    ).toBeInTheDocument();
    expect(screen.getByText('Something needs fixing before you save:')).toBeInTheDocument();
    expect(fake.callsTo('setup.testConnection')).toEqual([
      {
        environment: 'custom',
        customBaseUrl: 'http://127.0.0.1:4010',
        appId: 'app_1',
        accessKey: 'ak_1',
        secretKey: 'sk_1',
      },
    ]);
  });

  it('Save connects, then asks for a manager PIN, then opens the sale screen', async () => {
    const { user, fake } = await openConnect();
    const live = makeStatus({ mode: 'live', hasKeys: true, hasPin: false, connection: { state: 'online' } });
    fake.handle('setup.saveConnection', () => live);
    fake.handle('setup.setPin', () => ({ ...live, hasPin: true }));
    await user.type(screen.getByRole('textbox', { name: 'App ID' }), 'app_1');
    await user.type(screen.getByRole('textbox', { name: 'Access key' }), 'ak_1');
    await user.type(screen.getByLabelText('Secret key'), 'sk_1');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByRole('heading', { name: 'Set a manager PIN' })).toBeInTheDocument();
    await user.type(screen.getByLabelText('Manager PIN'), '2468');
    await user.type(screen.getByLabelText('Confirm PIN'), '2469');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByText('The two PINs are different. Type the same PIN twice.')).toBeInTheDocument();
    await user.clear(screen.getByLabelText('Confirm PIN'));
    await user.type(screen.getByLabelText('Confirm PIN'), '2468');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByRole('button', { name: /^Charge/ })).toBeInTheDocument();
    expect(screen.getByRole('status', { name: 'Connection' })).toHaveTextContent('Online');
    expect(screen.queryByRole('note')).toBeNull();
    expect(fake.callsTo('setup.setPin')).toEqual([{ pin: '2468', confirm: '2468' }]);
  });

  it('the built-in Demo sandbox needs no keys: Save starts Demo mode and saves nothing', async () => {
    const { user, fake } = await openConnect();
    fake.handle('setup.startDemo', () => makeStatus({ mode: 'demo', hasPin: false }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Environment' }), 'sandbox');
    expect(screen.getByRole('combobox', { name: 'Environment' })).toHaveAccessibleDescription(
      /Save starts Demo mode/,
    );
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('button', { name: /^Charge/ })).toBeInTheDocument();
    expect(fake.callsTo('setup.startDemo')).toHaveLength(1);
    expect(fake.callsTo('setup.saveConnection')).toHaveLength(0);
  });

  it('shows a refused save in plain words', async () => {
    const { user, fake } = await openConnect();
    const { PosError } = await import('../../shared/pos-error.ts');
    fake.handle('setup.saveConnection', () => {
      throw new PosError('auth', 'KS Pay did not accept these keys. Copy them again from the dashboard.');
    });
    await user.type(screen.getByRole('textbox', { name: 'App ID' }), 'a');
    await user.type(screen.getByRole('textbox', { name: 'Access key' }), 'b');
    await user.type(screen.getByLabelText('Secret key'), 'c');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'KS Pay did not accept these keys. Copy them again from the dashboard.',
    );
  });
});

describe('the connect screen under a machine policy', () => {
  it('shows the server and App ID the policy sets, not editable: only the keys are typed', async () => {
    const locked = makeStatus({
      mode: 'first-run',
      hasKeys: false,
      hasPin: false,
      connection: { state: 'not_configured' },
      settings: { environment: 'custom', customBaseUrl: 'https://pay.example.com', appId: 'app_chain' },
      policy: {
        path: '/etc/ks-pay-pos/policy.json',
        locked: ['environment', 'customBaseUrl', 'appId'],
        problems: [],
      },
    });
    const { user, fake } = await renderApp({
      'setup.status': () => locked,
      'setup.saveConnection': () => makeStatus({ mode: 'live', hasPin: false }),
    });
    await user.click(await screen.findByRole('button', { name: 'Connect to KS Pay' }));
    const environment = screen.getByRole('combobox', { name: 'Environment' });
    expect(environment).toBeDisabled();
    expect(environment).toHaveValue('custom');
    expect(environment).toHaveAccessibleDescription('Set by your organisation');
    expect(screen.getByRole('textbox', { name: 'API base URL' })).toHaveValue('https://pay.example.com');
    expect(screen.getByRole('textbox', { name: 'API base URL' })).toBeDisabled();
    expect(screen.getByRole('textbox', { name: 'App ID' })).toHaveValue('app_chain');
    expect(screen.getByRole('textbox', { name: 'App ID' })).toBeDisabled();
    await user.type(screen.getByRole('textbox', { name: 'Access key' }), 'AK_1');
    await user.type(screen.getByLabelText('Secret key'), 'SK_1');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(fake.callsTo('setup.saveConnection')).toEqual([
      {
        environment: 'custom',
        customBaseUrl: 'https://pay.example.com',
        appId: 'app_chain',
        accessKey: 'AK_1',
        secretKey: 'SK_1',
      },
    ]);
  });
});

describe('first start under a policy that sets the environment', () => {
  it('does not offer Demo mode, and says why', async () => {
    await renderApp({
      'setup.status': () =>
        makeStatus({
          mode: 'first-run',
          hasKeys: false,
          hasPin: false,
          connection: { state: 'not_configured' },
          settings: { environment: 'live' },
          policy: { path: '/etc/ks-pay-pos/policy.json', locked: ['environment'], problems: [] },
        }),
    });
    expect(await screen.findByRole('button', { name: 'Try Demo mode' })).toBeDisabled();
    expect(screen.getByText(/Your organisation connects this terminal to KS Pay/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Connect to KS Pay' })).toBeEnabled();
  });
});
