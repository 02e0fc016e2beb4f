import { COUNT_KEYS, type ShiftCounts } from '../../../shared/shift/summary';
import { LABELS } from '../../../shared/i18n/labels';
import { useT } from '../runtime/i18n';

/** The shift's counts, computed from the records, in report order (same words as the sheet). */
export function SummaryTable({ counts, caption }: { counts: ShiftCounts; caption: string }) {
  const { locale } = useT();
  return (
    <table className="summary-table">
      <caption>{caption}</caption>
      <tbody>
        {COUNT_KEYS.map((k) => (
          <tr key={k}>
            <th scope="row">{LABELS.counts[k][locale]}</th>
            <td data-testid={`count-${k}`}>{counts[k]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
