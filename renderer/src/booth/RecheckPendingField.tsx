import { useId } from 'react';
import { useT } from '../runtime/i18n';

/**
 * 待复测 for one person: the recheck is taken later, from the list, so the lane moves on. In the
 * Enter chain only while no recheck is typed: 37.8 Enter (→ 复测体温) Enter (→ here) Space, then
 * Ctrl+S. A typed recheck wins over the mark (shared/registration.ts awaitsRecheck), so the box
 * is disabled then.
 */
export function RecheckPendingField({ checked, recheckTyped, onChange }: { checked: boolean; recheckTyped: boolean; onChange: (pending: boolean) => void }) {
  const { t } = useT();
  const id = useId();
  return (
    <div className="field check recheck-pending">
      <input
        id={id}
        type="checkbox"
        checked={checked && !recheckTyped}
        disabled={recheckTyped}
        data-nav={recheckTyped ? undefined : ''}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label htmlFor={id}>{t('recheckPendingMark')}</label>
    </div>
  );
}
