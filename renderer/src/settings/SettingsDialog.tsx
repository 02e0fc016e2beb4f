import { useState } from 'react';
import type { StationSettings } from '../../../shared/model';
import { PROVINCE_CHARS } from '../../../shared/provinces';
import { parseKeyAreaLines } from '../../../shared/keyAreas';
import { parseTemperature } from '../../../shared/temperature';
import { dayKey, saveSettings } from '../db';
import { useDb } from '../runtime/dbContext';
import { useCommand } from '../runtime/commands';
import { useT } from '../runtime/i18n';
import { Modal } from '../ui/Modal';
import { TextField, moveOnEnter } from '../ui/fields';

function keyAreaText(s: StationSettings): string {
  return s.keyAreas.map((k) => [k.name, k.from, k.to].filter(Boolean).join(',')).join('\n');
}

export function SettingsDialog({ settings, onClose }: { settings: StationSettings; onClose: () => void }) {
  const db = useDb();
  const tr = useT();
  const { t } = tr;
  const [checkpoint, setCheckpoint] = useState(settings.checkpoint);
  const [homeProvince, setHomeProvince] = useState(settings.homeProvince);
  const [feverLine, setFeverLine] = useState(settings.feverLine.toFixed(1));
  const [areas, setAreas] = useState(keyAreaText(settings));
  const [errors, setErrors] = useState<Record<string, string>>({});

  const save = async () => {
    const next: Record<string, string> = {};
    const province = homeProvince.trim();
    if (province.length !== 1 || !PROVINCE_CHARS.includes(province)) next.homeProvince = tr.msg('plate.unknown', { plate: province });
    const line = parseTemperature(feverLine);
    if (!line.ok || line.celsius < 37 || line.celsius > 38.5) next.feverLine = line.ok ? tr.msg('temp.implausible') : tr.msg(line.code);
    const parsed = parseKeyAreaLines(areas, dayKey(Date.now()));
    if (parsed.errors.length > 0) next.areas = parsed.errors.map((e) => `#${e.line}: ${tr.msg(e.code)}`).join('；');
    setErrors(next);
    if (Object.keys(next).length > 0 || !line.ok) return;
    await saveSettings(db, { ...settings, checkpoint: checkpoint.trim(), homeProvince: province, feverLine: line.celsius, keyAreas: parsed.entries });
    onClose();
  };

  // The dialog owns the keyboard: Ctrl+S saves the settings, never the registration behind them.
  useCommand('save', () => void save());

  return (
    <Modal title={t('settingsTitle')} onClose={onClose}>
      <form
        onKeyDown={moveOnEnter}
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <TextField label={t('checkpoint')} value={checkpoint} onChange={setCheckpoint} autoFocus />
        <TextField label={t('homeProvince')} value={homeProvince} error={errors.homeProvince} onChange={setHomeProvince} />
        <TextField label={t('feverLine')} value={feverLine} inputMode="decimal" error={errors.feverLine} onChange={setFeverLine} />
        <TextField label={t('keyAreas')} value={areas} multiline error={errors.areas} onChange={setAreas} />
        <div className="actions">
          <button type="submit" className="primary" data-nav="">
            {t('settingsSave')}
          </button>
          <button type="button" onClick={onClose}>
            {t('close')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
