import type { ReactNode } from 'react';

/**
 * A table's column headers in order, each a `th scope="col"` so a screen reader names the column
 * of every cell; `children` adds cells after them (a group such as the count headers).
 */
export function TableHead({ columns, children }: { columns: readonly ReactNode[]; children?: ReactNode }) {
  return (
    <thead>
      <tr>
        {columns.map((c, i) => (
          <th scope="col" key={i}>
            {c}
          </th>
        ))}
        {children}
      </tr>
    </thead>
  );
}
