import { useId } from 'react';
import type { FeverCase } from '../../../shared/shift/summary';
import { LABELS } from '../../../shared/i18n/labels';
import { useT } from '../runtime/i18n';
import { formatTime } from '../ui/format';
import { TableHead } from '../ui/TableHead';

/** Each fever or referred person and what became of them. */
// The heading is the table's name too (one heading, not a heading and a caption saying it twice).
export function FeverCasesTable({ cases }: { cases: FeverCase[] }) {
  const { t, locale } = useT();
  const id = useId();
  const heading = <h3 id={id}>{t('feverCasesTitle')}</h3>;
  if (cases.length === 0) {
    return (
      <>
        {heading}
        <p className="empty">{t('noFeverCases')}</p>
      </>
    );
  }
  return (
    <>
      {heading}
      <table className="fever-cases" aria-labelledby={id}>
        <TableHead columns={[t('time'), t('name'), t('plate'), t('feverReadings'), t('personDisposition')]} />
        <tbody>
          {cases.map((c) => (
            <tr key={c.personId}>
              <td>{formatTime(c.at)}</td>
              <td>{c.name}</td>
              <td>{c.plate}</td>
              <td>
                {c.first.celsius.toFixed(1)}
                {c.recheck ? ` / ${c.recheck.celsius.toFixed(1)}` : ''} ℃
              </td>
              <td>{c.awaitingRecheckSince !== undefined ? t('flag_recheck') : LABELS.personDisposition[c.disposition][locale]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
