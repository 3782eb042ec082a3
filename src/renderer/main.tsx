// Renderer entry: make window.pos available (preload in Electron, loopback bridge in browser mode), then render.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Tokens and base styles first, so every component's own CSS comes after them.
import './styles/tokens.css';
import './styles/base.css';
import { installPosApi } from './bridge/index.ts';
import { App } from './App.tsx';

installPosApi();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
