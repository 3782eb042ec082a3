// The few pages browser mode serves itself: the small pages of the checkout popup, and the one that
// says the app is not built yet. Every HTML response carries the renderer's CSP.
import { RENDERER_CSP_HEADER } from '../main/renderer-assets/index.ts';

export const HTML_HEADERS: Record<string, string> = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': RENDERER_CSP_HEADER,
  'cache-control': 'no-store',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function simplePage(title: string, lines: string[], script?: string): string {
  const body = lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('\n    ');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <title>${escapeHtml(title)}</title>
  </head>
  <body>
    <h1>${escapeHtml(title)}</h1>
    ${body}${script ? `\n    <script src="${script}"></script>` : ''}
  </body>
</html>
`;
}

export const NOT_BUILT_PAGE = simplePage('KS Pay POS is not built yet', [
  'Browser mode serves the built app, and there is none yet.',
  'Run "npm run build", then reload this page.',
]);
