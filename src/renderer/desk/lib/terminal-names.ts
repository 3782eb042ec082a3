// The names the desk gives terminals: this one its own name with its prefix, the others their reference
// prefix (the only thing the server's records tell about them), and Elsewhere for records no terminal made.
import { useMemo } from 'react';
import { ELSEWHERE, terminalOf } from '../../../shared/terminal-of.ts';
import { useAppStatus } from '../../stores/index.ts';
import { deskMessages } from '../messages.ts';

export interface OwnTerminal {
  prefix: string;
  name: string;
}

export function terminalLabel(terminal: string, own: OwnTerminal): string {
  if (terminal === ELSEWHERE) return deskMessages.terminals.elsewhere;
  if (terminal === own.prefix) return deskMessages.terminals.own(own.name, own.prefix);
  return terminal;
}

/** This terminal's prefix and name from its settings. */
export function useOwnTerminal(): OwnTerminal {
  const prefix = useAppStatus((s) => s.status?.settings.referencePrefix ?? '');
  const name = useAppStatus((s) => s.status?.settings.terminalName ?? '');
  return useMemo(() => ({ prefix, name }), [prefix, name]);
}

/** The name of the terminal that made a sale, from its reference. */
export function useTerminalNameOfReference(): (reference: string) => string {
  const own = useOwnTerminal();
  return useMemo(() => (reference: string) => terminalLabel(terminalOf(reference), own), [own]);
}
