import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from './ErrorBoundary.tsx';

afterEach(() => vi.restoreAllMocks());

describe('the error boundary', () => {
  it('replaces a failed screen with plain words and brings it back on request', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let broken = true;
    function Flaky() {
      if (broken) throw new Error('TypeError: cannot read properties of undefined (reading "x")');
      return <p>Sale screen</p>;
    }
    const onReset = vi.fn();
    render(
      <ErrorBoundary onReset={onReset}>
        <Flaky />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('heading', { name: 'Something went wrong on this screen' })).toBeInTheDocument();
    expect(screen.queryByText(/TypeError/)).toBeNull();
    broken = false;
    await userEvent.setup().click(screen.getByRole('button', { name: 'Reload the screen' }));
    expect(screen.getByText('Sale screen')).toBeInTheDocument();
    expect(onReset).toHaveBeenCalledTimes(1);
  });
});
