import { renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { makeStatus } from '../test/fake-pos.ts';
import { resetStores } from '../test/reset-stores.ts';
import { useAppStatus, useCatalog } from '../stores/index.ts';
import { useTerminalLocale } from './use-terminal-locale.ts';

const inr = { id: 'cur_inr', code: 'INR', name: 'Indian Rupee', exponent: 2, active: true };

afterEach(() => resetStores());

describe('the terminal locale', () => {
  it('with nothing chosen and no default currency saved, follows the currency the catalogue offers first', () => {
    useAppStatus.getState().setStatus(makeStatus({ settings: {} }));
    useCatalog.setState({ currencies: [inr] });
    expect(renderHook(() => useTerminalLocale()).result.current).toBe('en-IN');
  });

  it('follows the manager’s choice over the currency', () => {
    useAppStatus.getState().setStatus(makeStatus({ settings: { locale: 'de-DE' } }));
    useCatalog.setState({ currencies: [inr] });
    expect(renderHook(() => useTerminalLocale()).result.current).toBe('de-DE');
  });
});
