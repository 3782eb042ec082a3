// The settings every service reads: the stored settings overlaid with what the machine policy sets. A
// change naming a locked setting, or an idle lock outside the policy's bounds, is refused with the reason;
// the connection form's environment, server and App ID must match what the policy sets.
import type { ConnectionInput, Settings } from '../../shared/domain.ts';
import { NO_POLICY, type PolicyStatus } from '../../shared/policy-status.ts';
import { fieldLabel, type SettingsListener, type SettingsStore } from '../settings/index.ts';
import type { PolicySource, PolicyState } from './policy-source.ts';

export type PolicyErrorCode = 'set_by_policy' | 'policy_invalid';

export class PolicyError extends Error {
  readonly code: PolicyErrorCode;
  readonly field?: string;
  constructor(code: PolicyErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'PolicyError';
    this.code = code;
    if (field !== undefined) this.field = field;
  }
}

export function effectiveSettings(stored: Settings, state: PolicyState): Settings {
  if (state.kind !== 'valid') return stored;
  const { settings, idleLockBounds } = state.policy;
  const next: Settings = { ...stored, ...settings };
  if (idleLockBounds && settings.idleLockMinutes === undefined)
    next.idleLockMinutes = Math.min(idleLockBounds.max, Math.max(idleLockBounds.min, next.idleLockMinutes));
  return next;
}

export function policyStatus(state: PolicyState): PolicyStatus {
  switch (state.kind) {
    case 'none':
      return { ...NO_POLICY, path: state.path };
    case 'invalid':
      return { path: state.path, locked: [], problems: state.problems };
    case 'valid': {
      const { settings, idleLockBounds } = state.policy;
      return {
        path: state.path,
        locked: Object.keys(settings),
        problems: [],
        ...(idleLockBounds ? { idleLockBounds } : {}),
      };
    }
  }
}

/** What a terminal with an invalid policy answers every call but its status. */
export function policyInvalidError(path: string): PolicyError {
  return new PolicyError(
    'policy_invalid',
    `This terminal's policy file (${path}) has problems, so it takes no payments until your IT team fixes it.`,
  );
}

function lockedMessage(name: string, path: string): string {
  return `${fieldLabel(name)} is set by your organisation (policy file ${path}) and cannot be changed on this terminal. Ask your IT team to change the policy.`;
}

export interface PolicySettings extends SettingsStore {
  policyStatus(): PolicyStatus;
  /** Throws unless the connection's environment, server and App ID are those the policy sets (if any). */
  checkConnection(input: Pick<ConnectionInput, 'environment' | 'customBaseUrl' | 'appId'>): void;
}

export function createPolicySettings(store: SettingsStore, source: PolicySource): PolicySettings {
  const listeners = new Set<SettingsListener>();

  function tell(next: Settings, previous: Settings): void {
    if (JSON.stringify(next) === JSON.stringify(previous)) return;
    for (const listener of listeners) listener(structuredClone(next), structuredClone(previous));
  }

  store.onChange((next, previous) => {
    const state = source.get();
    tell(effectiveSettings(next, state), effectiveSettings(previous, state));
  });
  source.onChange((next, previous) => {
    const stored = store.get();
    tell(effectiveSettings(stored, next), effectiveSettings(stored, previous));
  });

  function usable(): Extract<PolicyState, { kind: 'none' | 'valid' }> {
    const state = source.get();
    if (state.kind === 'invalid') throw policyInvalidError(state.path);
    return state;
  }

  function refuseLocked(patch: Record<string, unknown>): void {
    const state = usable();
    if (state.kind !== 'valid') return;
    const { settings, idleLockBounds } = state.policy;
    for (const name of Object.keys(patch))
      if (patch[name] !== undefined && name in settings)
        throw new PolicyError('set_by_policy', lockedMessage(name, state.path), name);
    const minutes = patch['idleLockMinutes'];
    if (
      idleLockBounds &&
      typeof minutes === 'number' &&
      (minutes < idleLockBounds.min || minutes > idleLockBounds.max)
    )
      throw new PolicyError(
        'set_by_policy',
        `${fieldLabel('idleLockMinutes')} must be from ${idleLockBounds.min} to ${idleLockBounds.max}: your organisation's policy sets these bounds.`,
        'idleLockMinutes',
      );
  }

  function checkConnection(input: Pick<ConnectionInput, 'environment' | 'customBaseUrl' | 'appId'>): void {
    const state = usable();
    if (state.kind !== 'valid') return;
    const { settings } = state.policy;
    const given: Record<string, unknown> = {
      environment: input.environment,
      appId: input.appId,
      customBaseUrl: input.environment === 'custom' ? input.customBaseUrl?.replace(/\/+$/, '') : undefined,
    };
    for (const name of ['environment', 'customBaseUrl', 'appId'] as const) {
      const locked = settings[name];
      if (locked === undefined) continue;
      const same =
        name === 'customBaseUrl' ? locked.replace(/\/+$/, '') === given[name] : locked === given[name];
      if (!same) throw new PolicyError('set_by_policy', lockedMessage(name, state.path), name);
    }
  }

  return {
    filePath: store.filePath,
    get: () => effectiveSettings(store.get(), source.get()),
    update(patch) {
      if (typeof patch === 'object' && patch !== null && !Array.isArray(patch))
        refuseLocked(patch as Record<string, unknown>);
      store.update(patch);
      return effectiveSettings(store.get(), source.get());
    },
    setConnection(connection) {
      checkConnection(connection);
      store.setConnection(connection);
      return effectiveSettings(store.get(), source.get());
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    problems: () => store.problems(),
    policyStatus: () => policyStatus(source.get()),
    checkConnection,
  };
}
