import type { Person, Vehicle } from '../../../shared/model';
import { maskText } from '../../../shared/privacy/mask';
import { useT } from '../runtime/i18n';
import { formatDateTime } from '../ui/format';

export interface Visit {
  plate: string;
  vehicle: Vehicle;
  persons: Person[];
  count: number;
  recent: number[];
}

/** A local commuter is not a stranger: show how often and when the plate passed. */
export function RepeatVisitBanner({ visit, onRecall }: { visit: Visit; onRecall: () => void }) {
  const { t } = useT();
  return (
    <div className="repeat-visit" role="note" data-testid="repeat-visit">
      <p>
        {t('seenBefore', { count: visit.count, when: formatDateTime(visit.vehicle.createdAt) })}
        {visit.recent.length > 1 ? ` (${visit.recent.map(formatDateTime).join('，')})` : ''}
      </p>
      <p>
        {maskText(visit.vehicle.origin)} → {maskText(visit.vehicle.destination)} · {visit.persons.map((p) => p.name).join('、')}
      </p>
      <button type="button" onClick={onRecall}>
        {t('recall')}
      </button>
      <span className="hint"> {t('recallHint')}</span>
    </div>
  );
}
