// Reads the start-up answers browser mode put inside the page (a JSON data block, which the CSP lets
// through because it is never run). Anything not shaped like answers is ignored: the app then asks.
// A name is only compared with the start-up calls' own names (bridge/startup-calls.ts), so no list of
// the contract's names is needed here (it would bring the contract's schemas into the first bundle).
import { STARTUP_DATA_ID, type StartupAnswer } from '../../shared/startup-calls.ts';

function isAnswer(value: unknown): value is StartupAnswer {
  if (typeof value !== 'object' || value === null) return false;
  const { name, result } = value as { name?: unknown; result?: unknown };
  if (typeof name !== 'string') return false;
  if (typeof result !== 'object' || result === null) return false;
  const { ok } = result as { ok?: unknown };
  return ok === true ? 'value' in result : ok === false && 'error' in result;
}

export function readStartupData(doc: Pick<Document, 'getElementById'>): StartupAnswer[] {
  const text = doc.getElementById(STARTUP_DATA_ID)?.textContent;
  if (!text) return [];
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? parsed.filter(isAnswer) : [];
  } catch {
    return [];
  }
}
