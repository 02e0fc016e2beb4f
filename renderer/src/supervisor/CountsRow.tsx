import { COUNT_KEYS, type ShiftCounts } from '../../../shared/shift/summary';
import { LABELS } from '../../../shared/i18n/labels';
import { useT } from '../runtime/i18n';

/** Column headers for the counts, in report order (the sheet's words). */
export function CountHeaders() {
  const { locale } = useT();
  return (
    <>
      {COUNT_KEYS.map((k) => (
        <th scope="col" key={k}>
          {LABELS.counts[k][locale]}
        </th>
      ))}
    </>
  );
}

export function CountCells({ counts, testId }: { counts: ShiftCounts; testId?: string }) {
  return (
    <>
      {COUNT_KEYS.map((k) => (
        <td key={k} className="num" data-testid={testId ? `${testId}-${k}` : undefined}>
          {counts[k]}
        </td>
      ))}
    </>
  );
}
