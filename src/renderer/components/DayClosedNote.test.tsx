import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp, saleScreenReady } from '../test/render-app.tsx';

const today = new Intl.DateTimeFormat('en-CA').format(new Date());

describe('the counter after Close day', () => {
  it('says the day was closed and that new sales go into the next period', async () => {
    await renderApp({
      'reports.lastClose': () => ({ number: 15, day: today, closedAt: new Date().toISOString() }),
    });
    await saleScreenReady();
    expect(
      await screen.findByText(
        /^The day was closed at .+ \(Z report 15\)\. New sales go into the next period\.$/,
      ),
    ).toBeInTheDocument();
  });

  it('says nothing of a close on an earlier day', async () => {
    const { fake } = await renderApp({
      'reports.lastClose': () => ({ number: 14, day: '2020-01-01', closedAt: '2020-01-01T12:00:00.000Z' }),
    });
    await saleScreenReady();
    await waitFor(() => expect(fake.callsTo('reports.lastClose')).toHaveLength(1));
    // Let the answer arrive and render.
    await act(async () => undefined);
    expect(screen.queryByText(/The day was closed/)).toBeNull();
  });
});
