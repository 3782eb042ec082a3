// Which sessions hold the manager role: the Electron renderer is one session, every browser-mode page
// another. Each has its own idle lock, so a PIN entered in one never opens the desk of another.
import type { Role } from '../../shared/domain.ts';
import type { Clock, SessionId } from '../deps.ts';

export interface ManagerSessions {
  /** The right PIN was entered in this session: it is the manager until it locks or idles out. */
  open(session: SessionId): void;
  /** Lock: this session is a cashier again. */
  close(session: SessionId): void;
  role(session: SessionId): Role;
  /** Manager activity in this session pushes its idle lock back; a cashier's calls do nothing. */
  touch(session: SessionId): void;
  /** Ends every session idle for the configured minutes; true when one ended (the screens must hear of it). */
  expireIdle(): boolean;
}

export interface ManagerSessionsOptions {
  clock: Clock;
  /** Read on every check, so a settings change applies at once. 0 turns the idle lock off. */
  idleLockMinutes: () => number;
}

export function createManagerSessions({ clock, idleLockMinutes }: ManagerSessionsOptions): ManagerSessions {
  /** Last manager activity per session holding the role. */
  const lastActivity = new Map<SessionId, number>();

  function expireIdle(): boolean {
    const minutes = idleLockMinutes();
    if (minutes <= 0) return false;
    const cutoff = clock.now() - minutes * 60_000;
    let ended = false;
    for (const [session, at] of lastActivity) {
      if (at > cutoff) continue;
      lastActivity.delete(session);
      ended = true;
    }
    return ended;
  }

  return {
    open(session) {
      lastActivity.set(session, clock.now());
    },
    close(session) {
      lastActivity.delete(session);
    },
    role(session) {
      expireIdle();
      return lastActivity.has(session) ? 'manager' : 'cashier';
    },
    touch(session) {
      expireIdle();
      if (lastActivity.has(session)) lastActivity.set(session, clock.now());
    },
    expireIdle,
  };
}
