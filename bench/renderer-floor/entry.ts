// The floor for "JS shipped": the smallest React 19 app (one element rendered into #root), built with the
// same Vite, minified for production. No cashier UI can ship less than React itself.
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';

type Container = Parameters<typeof createRoot>[0];
const page = globalThis as unknown as { document: { getElementById(id: string): Container | null } };
const root = page.document.getElementById('root');
if (root) createRoot(root).render(createElement('button', { type: 'button' }, 'Charge'));
