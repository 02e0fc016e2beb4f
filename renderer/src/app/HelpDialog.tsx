import { useT } from '../runtime/i18n';
import { Modal } from '../ui/Modal';
import { DataSafetyPanel } from '../recovery/DataSafetyPanel';

export function HelpDialog({ onClose }: { onClose: () => void }) {
  const { t } = useT();
  return (
    <Modal title={t('helpTitle')} onClose={onClose}>
      <ul className="help-keys">
        {t('helpKeys')
          .split(' · ')
          .map((line) => (
            <li key={line}>{line}</li>
          ))}
        <li>{t('helpRecheckKey')}</li>
        <li>{t('plateHint')}</li>
      </ul>
      <DataSafetyPanel />
      <button type="button" autoFocus onClick={onClose}>
        {t('close')}
      </button>
    </Modal>
  );
}
