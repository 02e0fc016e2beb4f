import { useState } from 'react';
import type { StationSettings } from '../../../shared/model';
import { settingsDraft, validateSettings, type SettingsDraft, type SettingsErrors } from '../../../shared/settings';
import { dayKey, saveSettings } from '../db';
import { useDb } from '../runtime/dbContext';
import { useCommand } from '../runtime/commands';
import { useT } from '../runtime/i18n';
import { Modal } from '../ui/Modal';
import { TextField, moveOnEnter } from '../ui/fields';
import { FormActions, submitWith } from '../ui/formParts';

export function SettingsDialog({ settings, onClose }: { settings: StationSettings; onClose: () => void }) {
  const db = useDb();
  const tr = useT();
  const { t } = tr;
  const [draft, setDraft] = useState<SettingsDraft>(() => settingsDraft(settings));
  const [errors, setErrors] = useState<SettingsErrors>({});
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
    await saveSettings(db, checked.settings);
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
        <FormActions submitLabel={t('settingsSave')} closeLabel={t('close')} onClose={onClose} />
      </form>
    </Modal>
  );
}
