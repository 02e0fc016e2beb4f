import { helpLines } from '../../../shared/keyboard';
import { useT } from '../runtime/i18n';
import { Modal } from '../ui/Modal';
import { DataSafetyPanel } from '../recovery/DataSafetyPanel';
import { PrivacyNotice } from '../audit/PrivacyNotice';
import { TableHead } from '../ui/TableHead';
import { CloseButton } from '../ui/formParts';

/** F1: every key, read from the one keyboard table (shared/keyboard.ts) that also drives them. */
export function HelpDialog({ onClose }: { onClose: () => void }) {
  const { t } = useT();
  return (
    <Modal title={t('helpTitle')} onClose={onClose}>
      <table className="help-keys">
        <TableHead columns={[t('helpKeysTitle'), t('helpWhatTitle')]} />
        <tbody>
          {helpLines().map((line) => (
            <tr key={line.help}>
              <th scope="row">
                <kbd>{line.keys}</kbd>
              </th>
              <td>{t(line.help)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>{t('plateHint')}</p>
      <DataSafetyPanel />
      <PrivacyNotice />
      <CloseButton onClose={onClose} autoFocus />
    </Modal>
  );
}
