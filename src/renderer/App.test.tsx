import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from './App.tsx';
import { useAppStatus } from './stores/index.ts';
import { installFakePos } from './test/fake-pos.ts';
import { renderApp } from './test/render-app.tsx';
import { resetStores } from './test/reset-stores.ts';

describe('App start', () => {
  it('asks main for the status itself when nobody has yet', async () => {
    const { fake } = await renderApp();
    await screen.findByRole('button', { name: /^Charge/ });
    expect(fake.callsTo('setup.status')).toHaveLength(1);
  });

  it('does not ask again for a status the entry (main.tsx) asked for before the first render', async () => {
    resetStores();
    const fake = installFakePos();
    const asked = useAppStatus.getState().load();
    expect(useAppStatus.getState().loading).toBe(true);
    render(<App />);
    await asked;
    await screen.findByRole('button', { name: /^Charge/ });
    expect(fake.callsTo('setup.status')).toHaveLength(1);
    expect(useAppStatus.getState().loading).toBe(false);
  });
});
