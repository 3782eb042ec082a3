import { act, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { PosError } from '../../shared/pos-error.ts';
import { makeSale, makeStatus } from '../test/fake-pos.ts';
import { renderApp, saleScreenReady } from '../test/render-app.tsx';
import type * as DeskChunkModule from './desk-chunk.ts';
import { loadDeskChunk } from './desk-chunk.ts';

// The real chunk, with its loads and the desk's startDesk counted.
const startDesk = vi.hoisted(() => vi.fn<() => Promise<void>>());
vi.mock('./desk-chunk.ts', async (original) => {
  const real = await original<typeof DeskChunkModule>();
  return {
    loadDeskChunk: vi.fn(async () => {
      const desk = await real.loadDeskChunk();
      startDesk.mockImplementation(desk.startDesk);
      return { ...desk, startDesk };
    }),
    loadedDeskChunk: vi.fn(real.loadedDeskChunk),
  };
});

describe('the sale screen', () => {
  it('shows the connection as main reports it, and follows changes', async () => {
    const { fake } = await renderApp({
      'setup.status': () => makeStatus({ mode: 'live', connection: { state: 'online' } }),
    });
    await saleScreenReady();
    expect(screen.getByRole('status', { name: 'Connection' })).toHaveTextContent('Online');
    act(() =>
      fake.emit('connection.changed', {
        state: 'offline',
        message: 'KS Pay is not answering; sales wait until it is back.',
      }),
    );
    expect(screen.getByRole('status', { name: 'Connection' })).toHaveTextContent('Offline');
    expect(screen.getByRole('status', { name: 'Connection' })).toHaveTextContent(
      'KS Pay is not answering; sales wait until it is back.',
    );
  });

  it('follows the theme setting with data-theme on the page', async () => {
    const { fake } = await renderApp({ 'setup.status': () => makeStatus({ settings: { theme: 'dark' } }) });
    await saleScreenReady();
    expect(document.documentElement.dataset.theme).toBe('dark');
    act(() => fake.emit('status.changed', makeStatus({ settings: { theme: 'system' } })));
    expect(document.documentElement.dataset.theme).toBeUndefined();
  });

  it('Manager asks for the PIN and opens the desk; Lock returns to the sale', async () => {
    const { user, fake } = await renderApp({
      'staff.unlock': ({ pin }) => {
        if (pin !== '2468')
          throw new PosError('wrong_pin', 'That PIN is not right. 4 tries left before a short lockout.');
        return { role: 'manager' };
      },
      'staff.lock': () => ({ role: 'cashier' }),
    });
    await saleScreenReady();
    await user.click(screen.getByRole('button', { name: 'Manager' }));
    await user.type(screen.getByLabelText('Manager PIN'), '1111');
    await user.click(screen.getByRole('button', { name: 'Open desk' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'That PIN is not right. 4 tries left before a short lockout.',
    );
    await user.type(screen.getByLabelText('Manager PIN'), '2468');
    await user.click(screen.getByRole('button', { name: 'Open desk' }));
    const lock = await screen.findByRole('button', { name: 'Lock' });
    expect(screen.queryByRole('button', { name: /^Charge/ })).toBeNull();
    await user.click(lock);
    expect(await screen.findByRole('button', { name: /^Charge/ })).toBeInTheDocument();
    expect(fake.callsTo('staff.lock')).toHaveLength(1);
  });

  it('from the desk, Back to the sale shows the sale still waiting at the counter', async () => {
    const { user, fake } = await renderApp({
      'sales.current': () => makeSale({ status: 'awaiting_payment' }),
      'staff.unlock': () => ({ role: 'manager' }),
      'staff.lock': () => ({ role: 'cashier' }),
    });
    expect(await screen.findByRole('heading', { name: 'Waiting for the customer' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Manager' }));
    await user.type(screen.getByLabelText('Manager PIN'), '2468');
    await user.click(screen.getByRole('button', { name: 'Open desk' }));
    await user.click(await screen.findByRole('button', { name: 'Back to the sale' }));
    expect(await screen.findByRole('heading', { name: 'Waiting for the customer' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Cancel sale' })).toBeInTheDocument();
    expect(fake.callsTo('staff.lock')).toHaveLength(1);
  });

  it('loads the desk while the PIN is typed, and asks for its rows only once main has confirmed the PIN', async () => {
    let confirm: (role: { role: 'manager' }) => void = () => undefined;
    const { user, fake } = await renderApp({
      'staff.unlock': ({ pin }) => {
        if (pin !== '2468')
          throw new PosError('wrong_pin', 'That PIN is not right. 4 tries left before a short lockout.');
        return new Promise<{ role: 'manager' }>((resolve) => (confirm = resolve));
      },
    });
    await saleScreenReady();
    vi.mocked(loadDeskChunk).mockClear();
    startDesk.mockClear();
    await user.click(screen.getByRole('button', { name: 'Manager' }));
    expect(loadDeskChunk).toHaveBeenCalled();
    await user.type(screen.getByLabelText('Manager PIN'), '1111');
    await user.click(screen.getByRole('button', { name: 'Open desk' }));
    expect(await screen.findByRole('alert')).toBeInTheDocument();
    await user.type(screen.getByLabelText('Manager PIN'), '2468');
    await user.click(screen.getByRole('button', { name: 'Open desk' }));
    await vi.waitFor(() => expect(fake.callsTo('staff.unlock')).toHaveLength(2));
    // Nothing is asked for before main answers: a wrong PIN and a PIN being checked get no rows.
    expect(startDesk).not.toHaveBeenCalled();
    expect(fake.callsTo('reports.transactions')).toHaveLength(0);
    // The chunk loaded meanwhile: the desk shows without a "Loading the desk…" step.
    await loadDeskChunk();
    let fallbackShown = false;
    const watch = new MutationObserver(() => {
      if (document.querySelector('.shell__loading')) fallbackShown = true;
    });
    watch.observe(document.body, { childList: true, subtree: true });
    act(() => confirm({ role: 'manager' }));
    await vi.waitFor(() => expect(startDesk).toHaveBeenCalledTimes(1));
    expect(await screen.findByRole('button', { name: 'Lock' })).toBeInTheDocument();
    watch.disconnect();
    expect(fallbackShown).toBe(false);
    await vi.waitFor(() => expect(fake.callsTo('reports.transactions').length).toBeGreaterThan(0));
    expect(fake.callsTo('reports.transactions')[0]).toEqual({ server: 'cached', pageSize: 2000 });
  });

  it('Manager asks for the PIN even when main still reports the manager role, and ends that role at the sale screen', async () => {
    const { user, fake } = await renderApp({
      'setup.status': () => makeStatus({ mode: 'live', role: 'manager' }),
      'staff.lock': () => ({ role: 'cashier' }),
    });
    await saleScreenReady();
    await vi.waitFor(() => expect(fake.callsTo('staff.lock')).toHaveLength(1));
    await user.click(screen.getByRole('button', { name: 'Manager' }));
    expect(screen.getByLabelText('Manager PIN')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Lock' })).toBeNull();
  });

  it('Manager without a PIN yet (Demo) sets one first, then opens the desk', async () => {
    const { user, fake } = await renderApp({
      'setup.status': () => makeStatus({ hasPin: false }),
      'setup.setPin': () => makeStatus({ hasPin: true }),
      'staff.unlock': () => ({ role: 'manager' }),
    });
    await saleScreenReady();
    await user.click(screen.getByRole('button', { name: 'Manager' }));
    await user.type(screen.getByLabelText('Manager PIN'), '1357');
    await user.type(screen.getByLabelText('Confirm PIN'), '1357');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('button', { name: 'Lock' })).toBeInTheDocument();
    expect(fake.callsTo('staff.unlock')).toEqual([{ pin: '1357' }]);
  });

  it('the desk locks itself after the configured idle minutes and the sale screen comes back', async () => {
    const { user, fake } = await renderApp({
      'setup.status': () => makeStatus({ role: 'cashier', settings: { idleLockMinutes: 1 } }),
      'staff.unlock': () => ({ role: 'manager' }),
      'staff.lock': () => ({ role: 'cashier' }),
    });
    await saleScreenReady();
    await user.click(screen.getByRole('button', { name: 'Manager' }));
    await user.type(screen.getByLabelText('Manager PIN'), '2468');
    // Fake clocks from here, so the idle timer the desk starts can be run forward; real time still passes.
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      await user.click(screen.getByRole('button', { name: 'Open desk' }));
      await screen.findByRole('button', { name: 'Lock' });
      act(() => vi.advanceTimersByTime(61_000));
    } finally {
      vi.useRealTimers();
    }
    expect(await screen.findByRole('button', { name: /^Charge/ })).toBeInTheDocument();
    expect(fake.callsTo('staff.lock')).toHaveLength(1);
  });

  it('a terminal that cannot start says so and can try again', async () => {
    let attempts = 0;
    const { user } = await renderApp({
      'setup.status': () => {
        attempts += 1;
        if (attempts === 1)
          throw new PosError('unavailable', 'The terminal is not answering. Reload this page.');
        return makeStatus();
      },
    });
    expect(await screen.findByText('The terminal is not answering. Reload this page.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await saleScreenReady();
  });
});
