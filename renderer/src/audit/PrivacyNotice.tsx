// 个人信息保护说明: what is collected, why, who may see it, how long, where — in F1 help.
import { useLiveQuery } from 'dexie-react-hooks';
import { getRetention } from '../db/retention';
import { useDb } from '../runtime/dbContext';
import { useT } from '../runtime/i18n';
import { RETENTION_DAYS_DEFAULT } from '../../../shared/settings';

export function PrivacyNotice() {
  const db = useDb();
  const { t } = useT();
  const days = useLiveQuery(async () => (await getRetention(db)).days, [db]) ?? RETENTION_DAYS_DEFAULT;
  return (
    <section className="privacy-notice" aria-labelledby="privacy-title">
      <h3 id="privacy-title">{t('privacyTitle')}</h3>
      <ul>
        <li>{t('privacyCollected')}</li>
        <li>{t('privacyWhy')}</li>
        <li>{t('privacyWho')}</li>
        <li>{t('privacyHowLong', { days })}</li>
        <li>{t('privacyWhere')}</li>
      </ul>
    </section>
  );
}
