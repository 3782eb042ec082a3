// The cashier page with the first screen's answers inside it. For a browser already connected (its
// session cookie came with the page request), the server sends the page's head at once (the browser
// fetches the scripts meanwhile), answers the start-up calls itself as that session, and ends the page
// with the answers as a JSON data block: never run, so the CSP stays as it is; `<` is escaped so no
// answer can end the block. The page is no-store (HTML_HEADERS), as it now holds the session's data.
import type { ServerResponse } from 'node:http';
import type { SessionId } from '../main/deps.ts';
import type { Dispatch } from '../main/ipc/index.ts';
import { answerStartupCalls, STARTUP_DATA_ID, type StartupAnswer } from '../shared/startup-calls.ts';
import { COMMON_HEADERS } from './http-replies.ts';

/** Answers not in by then are left to the page, which asks for them itself (a slow KS Pay, say). */
export const STARTUP_ANSWER_BUDGET_MS = 1000;

/** The start-up calls answered as `session`: every answer in within `budgetMs`. */
export async function startupAnswers(
  dispatch: Dispatch,
  session: SessionId,
  budgetMs: number = STARTUP_ANSWER_BUDGET_MS,
): Promise<StartupAnswer[]> {
  const answers: StartupAnswer[] = [];
  let timer: NodeJS.Timeout | undefined;
  const budget = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, budgetMs);
  });
  try {
    await Promise.race([
      answerStartupCalls(
        (name, input) => dispatch(name, input, { transport: 'http', session }),
        (answer) => answers.push(answer),
      ),
      budget,
    ]);
  } catch {
    // A call that threw is left to the page, like a late one.
  } finally {
    clearTimeout(timer);
  }
  return [...answers];
}

/** The answers as the data block's text: JSON that cannot close the element it sits in. */
export function startupDataBlock(answers: readonly StartupAnswer[]): string {
  const json = JSON.stringify(answers).replace(/</g, '\\u003c');
  return `<script type="application/json" id="${STARTUP_DATA_ID}">${json}</script>\n`;
}

/** Sends `html` in two parts: up to `</body>` now, the answers and the rest once `answers` settles. */
export async function sendPageWithStartup(
  res: ServerResponse,
  headers: Record<string, string>,
  html: string,
  answers: () => Promise<StartupAnswer[]>,
): Promise<void> {
  const cut = html.lastIndexOf('</body>');
  res.writeHead(200, { ...COMMON_HEADERS, ...headers });
  if (cut < 0) {
    res.end(html);
    return;
  }
  res.write(html.slice(0, cut));
  const block = startupDataBlock(await answers());
  res.end(`${block}${html.slice(cut)}`);
}
