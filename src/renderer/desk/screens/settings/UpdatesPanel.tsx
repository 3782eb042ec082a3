// Settings → Updates: automatic updates on or off, with why they cannot be turned on when they cannot.
import { messages } from '../../../lib/messages.ts';
import { useAppStatus } from '../../../stores/index.ts';
import { deskMessages } from '../../messages.ts';
import type { SettingsPanelProps } from './panel-props.ts';

const s = deskMessages.settings;

export function UpdatesPanel({ form, isLocked, update }: SettingsPanelProps) {
  const updates = useAppStatus((state) => state.status?.updates);
  const locked = isLocked('autoUpdateEnabled');
  return (
    <fieldset className="panel">
      <legend className="panel__title">{s.updates}</legend>
      <label className="check">
        <input
          type="checkbox"
          checked={form.autoUpdateEnabled}
          disabled={!updates?.available || locked}
          aria-describedby="settings-autoUpdate-why"
          onChange={(e) => update('autoUpdateEnabled', e.target.checked)}
        />
        <span>{s.autoUpdate}</span>
      </label>
      <p id="settings-autoUpdate-why" className="field__hint">
        {locked
          ? messages.policy.setByOrganisation
          : updates?.available
            ? s.autoUpdateHint
            : (updates?.reason ?? s.autoUpdateHint)}
      </p>
    </fieldset>
  );
}
