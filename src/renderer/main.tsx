// Renderer entry: make window.pos available (preload in Electron, loopback bridge in browser mode), then render.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
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
