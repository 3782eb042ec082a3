// Renderer entry: make window.pos available (preload in Electron, loopback bridge in browser mode), then render.
// First of all: the first screen's calls to main start now, while the rest of this bundle is parsed and run.
import './bridge/boot.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Tokens and base styles first, so every component's own CSS comes after them.
import './styles/tokens.css';
import './styles/page.css';
import './styles/base.css';
import { installPosApi } from './bridge/index.ts';
import { App } from './App.tsx';
import { useAppStatus } from './stores/index.ts';

installPosApi();
// Asked before the first render, so the status (usually in already) is not left for App's effect to ask.
void useAppStatus.getState().load();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
