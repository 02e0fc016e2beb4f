import { useState } from 'react';
import type { StationSettings } from '../../../shared/model';
import { settingsDraft, validateSettings, type SettingsDraft, type SettingsErrors } from '../../../shared/settings';
import { dayKey, saveSettings } from '../db';
import { useDb } from '../runtime/dbContext';
import { useCommand } from '../runtime/commands';
import { useT, type Say, type Translator } from '../runtime/i18n';
import { useActor } from '../runtime/session';
import { Modal } from '../ui/Modal';
import { TextField, moveOnEnter } from '../ui/fields';
import { AlertLine, FormActions, submitWith } from '../ui/formParts';

export function SettingsDialog({ settings, onClose }: { settings: StationSettings; onClose: () => void }) {
  const db = useDb();
  const tr = useT();
  const { t } = tr;
  const [draft, setDraft] = useState<SettingsDraft>(() => settingsDraft(settings));
  const [errors, setErrors] = useState<SettingsErrors>({});
  const actor = useActor();
  const [failure, setFailure] = useState<Say | null>(null);
  const patch = (p: Partial<SettingsDraft>) => setDraft((d) => ({ ...d, ...p }));
  // Rendered from codes, so a message follows a language switch.
  const say = (field: keyof SettingsDraft): string | undefined => {
    const e = errors[field];
    if (!e) return undefined;
    const head = tr.msg(e.code, e.params);
    if (!e.lines) return head;
    return [head, ...e.lines.map((l) => t('settingsLineError', { line: l.line, reason: tr.msg(l.code) }))].join(' ');
  };

  const save = async () => {
    const checked = validateSettings(draft, settings, dayKey(Date.now()));
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    // Storage checks the role again (administrator only) and says why when it refuses.
    const r = await saveSettings(db, actor, checked.settings);
    if (!r.ok) {
      const m = r.error.message;
      setFailure(() => (tr: Translator) => tr.pick(m));
      return;
    }
    onClose();
  };

  // The dialog owns the keyboard: Ctrl+S saves the settings, never the registration behind them.
  useCommand('save', () => void save());

  return (
    <Modal title={t('settingsTitle')} onClose={onClose}>
      <form
        onKeyDown={moveOnEnter}
        onSubmit={submitWith(save)}
      >
        <TextField label={t('checkpoint')} name="checkpoint" value={draft.checkpoint} error={say('checkpoint')} onChange={(checkpoint) => patch({ checkpoint })} autoFocus />
        <TextField label={t('homeProvince')} name="homeProvince" value={draft.homeProvince} error={say('homeProvince')} onChange={(homeProvince) => patch({ homeProvince })} />
        <TextField label={t('feverLine')} name="feverLine" value={draft.feverLine} inputMode="decimal" error={say('feverLine')} onChange={(feverLine) => patch({ feverLine })} />
        <TextField label={t('keyAreas')} name="keyAreas" value={draft.keyAreas} multiline error={say('keyAreas')} onChange={(keyAreas) => patch({ keyAreas })} />
        <TextField label={t('settingsIdleLock')} name="idleLockMinutes" value={draft.idleLockMinutes} inputMode="numeric" error={say('idleLockMinutes')} onChange={(idleLockMinutes) => patch({ idleLockMinutes })} />
        <AlertLine text={failure ? failure(tr) : null} />
        <FormActions submitLabel={t('settingsSave')} closeLabel={t('close')} onClose={onClose} />
      </form>
    </Modal>
  );
}
