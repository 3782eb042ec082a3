// The customer display's entry: its own small page (no cashier screen, no desk), fed by main's display
// state alone. Follows the terminal's light/dark setting.
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import '../styles/tokens.css';
import '../styles/page.css';
import './customer.css';
import type { CustomerDisplayState } from '../../shared/customer-display.ts';
import { applyTheme } from '../lib/theme.ts';
import { connectDisplayFeed } from './display-feed.ts';
import { CustomerScreen } from './CustomerScreen.tsx';

function CustomerDisplay() {
  const [state, setState] = useState<CustomerDisplayState | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(
    () =>
      connectDisplayFeed(window, (update) => {
        if ('state' in update) {
          setState(update.state);
          setProblem(null);
          applyTheme(update.state.theme);
        } else setProblem(update.problem);
      }),
    [],
  );
  return <CustomerScreen state={state} problem={problem} />;
}

const root = document.getElementById('root');
if (!root) throw new Error('customer.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <CustomerDisplay />
  </StrictMode>,
);
