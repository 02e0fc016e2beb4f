import { nameConflict, visitTemperature, type PersonRecognition } from '../../../shared/recognition';
import { useT } from '../runtime/i18n';
import { formatDateTime } from '../ui/format';

/**
 * A person seen before, like the repeat-vehicle banner: earlier visits (newest first), the name and
 * phone last given with the ID (masked; F6 fills them in), and a second-look line when the ID came
 * with other names. ID and phone are masked: the full ID never appears here.
 */
export function RecognisedPersonBanner({ recognition: r, typedName, role, onReuse }: { recognition: PersonRecognition; typedName: string; role: string; onReuse: () => void }) {
  const tr = useT();
  const { t } = tr;
  const conflict = nameConflict(r, typedName);
  return (
    <div className="recognised-person" role="note" aria-label={role} data-testid="recognised-person">
      <div className="recognised-text">
        <p>
          <strong>{role}</strong> · {t(r.more ? 'recogSeenMore' : 'recogSeen', { id: r.idMasked, count: r.count })} ·{' '}
          {t('recogLast', { name: r.name, phone: r.phone === '' ? t('recogNoPhone') : r.phoneMasked })}
        </p>
        <p className="recognised-visits">
          {r.visits
            .map((v) =>
              t('recogVisit', { when: formatDateTime(v.at).slice(5), plate: v.plate, temp: visitTemperature(v), disposition: tr.label('personDisposition', v.disposition) }),
            )
            .join(' ｜ ')}
        </p>
        {conflict.length > 0 ? (
          <p className="recognised-conflict" data-testid="recognised-conflict">
            ⚠ {t('recogNameConflict', { names: conflict.join(tr.locale === 'zh' ? '、' : ', ') })}
          </p>
        ) : null}
      </div>
      <button type="button" onClick={onReuse}>
        {t('recogReuse')}
      </button>
    </div>
  );
}
