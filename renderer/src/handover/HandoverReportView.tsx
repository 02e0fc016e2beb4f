// The printable handover (A4, always Chinese: it is signed and filed at the checkpoint).
import type { HandoverReport } from './report';

export function HandoverReportView({ report }: { report: HandoverReport }) {
  return (
    <article className="handover-report" lang="zh-CN" aria-label={report.title}>
      <h1>{report.title}</h1>
      <table className="report-header">
        <tbody>
          <PairRows items={report.header} />
        </tbody>
      </table>

      <h2>数量统计</h2>
      <table className="report-counts">
        <tbody>
          {chunk(report.counts, 3).map((row, i) => (
            <tr key={i}>
              {row.map((c) => (
                <Cell key={c.key} label={c.label} value={String(c.value)} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>

      <h2>发热及转送人员（{report.feverCases.length}）</h2>
      <RowsTable
        rows={report.feverCases}
        columns={[
          ['序号', 'no'],
          ['时间', 'time'],
          ['姓名', 'name'],
          ['车牌号', 'plate'],
          ['证件号码', 'doc'],
          ['电话', 'phone'],
          ['体温', 'readings'],
          ['症状', 'symptoms'],
          ['处置去向', 'disposition'],
          ['备注', 'remarks'],
        ]}
      />

      <h2>事件记录（{report.incidents.length}）</h2>
      <RowsTable
        rows={report.incidents}
        columns={[
          ['序号', 'no'],
          ['时间', 'time'],
          ['类型', 'kind'],
          ['车牌号', 'plate'],
          ['经过', 'description'],
          ['登记人', 'operator'],
          ['作废', 'voided'],
        ]}
      />

      {report.amendments.length > 0 ? (
        <>
          <h2>交班后更正（{report.amendments.length}）</h2>
          <RowsTable
            rows={report.amendments}
            columns={[
              ['时间', 'time'],
              ['记录', 'record'],
              ['更正人', 'by'],
              ['原因', 'reason'],
              ['更正内容', 'changes'],
            ]}
          />
        </>
      ) : null}

      <h2>待办事项</h2>
      <p className="report-notes">{report.pending}</p>
      <h2>物资存量及设备</h2>
      <table className="report-header">
        <tbody>
          <PairRows items={report.supplies} />
          <tr>
            <th scope="row">设备状况</th>
            <td colSpan={3}>{report.equipment}</td>
          </tr>
        </tbody>
      </table>

      <h2>交接签字</h2>
      <table className="report-signatures">
        <tbody>
          <SignatureRow role="交班负责人" lead={report.outgoingLead} at={report.closedAt} />
          <SignatureRow role="接班负责人" lead={report.receivingLead} at={report.receivedAt} />
        </tbody>
      </table>
    </article>
  );
}

function Cell({ label, value }: { label: string; value: string }) {
  return (
    <>
      <th scope="row">{label}</th>
      <td>{value}</td>
    </>
  );
}

/** One lead's line of the hand-over: who, a blank to sign in by hand, when. */
function SignatureRow({ role, lead, at }: { role: string; lead: string; at: string }) {
  return (
    <tr>
      <Cell label={role} value={lead} />
      <th scope="row">签字</th>
      <td className="blank" />
      <Cell label="时间" value={at} />
    </tr>
  );
}

function chunk<T>(list: readonly T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += n) out.push(list.slice(i, i + n));
  return out;
}

/** Label/value pairs, two to a row. */
function PairRows({ items }: { items: readonly (readonly [string, string])[] }) {
  return chunk(items, 2).map((row, i) => (
    <tr key={i}>
      {row.map(([label, value]) => (
        <Cell key={label} label={label} value={value} />
      ))}
    </tr>
  ));
}

/** One row per item, one column per [heading, field]; 无 when there is none. */
function RowsTable<T extends object>({ rows, columns }: { rows: readonly T[]; columns: readonly (readonly [string, keyof T & string])[] }) {
  if (rows.length === 0) return <p>无</p>;
  return (
    <table className="report-table">
      <thead>
        <tr>
          {columns.map(([h]) => (
            <th key={h}>{h}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={i}>
            {columns.map(([h, field]) => (
              <td key={h}>{String(row[field] ?? '')}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
