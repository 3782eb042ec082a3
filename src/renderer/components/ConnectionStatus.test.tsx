import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeStatus } from '../test/fake-pos.ts';
import { renderApp, saleScreenReady } from '../test/render-app.tsx';

const LONG =
  'Could not reach KS Pay: the connection closed before KS Pay answered. Check that this computer is online and try again; if it keeps happening, ask a manager to check the server address under Manager → Settings → Connection.';

describe('the connection pill', () => {
  it('while offline, opens the whole message in a dialog with one click, and closes it again', async () => {
    const { user } = await renderApp({
      'setup.status': () => makeStatus({ mode: 'live', connection: { state: 'offline', message: LONG } }),
    });
    await saleScreenReady();
    const details = within(screen.getByRole('status', { name: 'Connection' })).getByRole('button', {
      name: 'Details',
    });
    expect(details).toHaveAttribute('aria-haspopup', 'dialog');
    await user.click(details);
    const dialog = screen.getByRole('dialog', { name: 'Offline: KS Pay does not answer' });
    expect(within(dialog).getByText(LONG)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('online, it has no Details: there is nothing more to read', async () => {
    await renderApp({
      'setup.status': () =>
        makeStatus({ mode: 'live', connection: { state: 'online', message: 'Connected.' } }),
    });
    await saleScreenReady();
    const light = screen.getByRole('status', { name: 'Connection' });
    expect(light).toHaveTextContent('Online');
    expect(within(light).queryByRole('button')).not.toBeInTheDocument();
  });
});
