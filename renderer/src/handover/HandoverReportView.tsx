// The printable handover (A4, always Chinese: it is signed and filed at the checkpoint).
import type { HandoverReport } from './report';

export function HandoverReportView({ report }: { report: HandoverReport }) {
  return (
    <article className="handover-report" lang="zh-CN" aria-label={report.title}>
      <h1>{report.title}</h1>
      <table className="report-header">
        <tbody>
          {pairs(report.header).map((row, i) => (
            <tr key={i}>
              {row.map(([label, value]) => (
                <Cell key={label} label={label} value={value} />
              ))}
            </tr>
          ))}
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
      {report.feverCases.length === 0 ? (
        <p>无</p>
      ) : (
        <table className="report-table">
          <thead>
            <tr>
              <th>序号</th>
              <th>时间</th>
              <th>姓名</th>
              <th>车牌号</th>
              <th>证件</th>
              <th>电话</th>
              <th>体温</th>
              <th>症状</th>
              <th>处置去向</th>
              <th>备注</th>
            </tr>
          </thead>
          <tbody>
            {report.feverCases.map((f) => (
              <tr key={f.no}>
                <td>{f.no}</td>
                <td>{f.time}</td>
                <td>{f.name}</td>
                <td>{f.plate}</td>
                <td>{f.doc}</td>
                <td>{f.phone}</td>
                <td>{f.readings}</td>
                <td>{f.symptoms}</td>
                <td>{f.disposition}</td>
                <td>{f.remarks}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>事件记录（{report.incidents.length}）</h2>
      {report.incidents.length === 0 ? (
        <p>无</p>
      ) : (
        <table className="report-table">
          <thead>
            <tr>
              <th>序号</th>
              <th>时间</th>
              <th>类型</th>
              <th>车牌号</th>
              <th>经过</th>
              <th>登记人</th>
              <th>作废</th>
            </tr>
          </thead>
          <tbody>
            {report.incidents.map((x) => (
              <tr key={x.no}>
                <td>{x.no}</td>
                <td>{x.time}</td>
                <td>{x.kind}</td>
                <td>{x.plate}</td>
                <td>{x.description}</td>
                <td>{x.operator}</td>
                <td>{x.voided}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {report.amendments.length > 0 ? (
        <>
          <h2>交班后更正（{report.amendments.length}）</h2>
          <table className="report-table">
            <thead>
              <tr>
                <th>时间</th>
                <th>记录</th>
                <th>更正人</th>
                <th>原因</th>
                <th>更正内容</th>
              </tr>
            </thead>
            <tbody>
              {report.amendments.map((a, i) => (
                <tr key={i}>
                  <td>{a.time}</td>
                  <td>{a.record}</td>
                  <td>{a.by}</td>
                  <td>{a.reason}</td>
                  <td>{a.changes}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}

      <h2>待办事项</h2>
      <p className="report-notes">{report.pending}</p>
      <h2>物资存量及设备</h2>
      <table className="report-header">
        <tbody>
          {pairs(report.supplies).map((row, i) => (
            <tr key={i}>
              {row.map(([label, value]) => (
                <Cell key={label} label={label} value={value} />
              ))}
            </tr>
          ))}
          <tr>
            <th scope="row">设备状况</th>
            <td colSpan={3}>{report.equipment}</td>
          </tr>
        </tbody>
      </table>

      <h2>交接签字</h2>
      <table className="report-signatures">
        <tbody>
          <tr>
            <th scope="row">交班负责人</th>
            <td>{report.outgoingLead}</td>
            <th scope="row">签字</th>
            <td className="blank" />
            <th scope="row">时间</th>
            <td>{report.closedAt}</td>
          </tr>
          <tr>
            <th scope="row">接班负责人</th>
            <td>{report.receivingLead}</td>
            <th scope="row">签字</th>
            <td className="blank" />
            <th scope="row">时间</th>
            <td>{report.receivedAt}</td>
          </tr>
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

function chunk<T>(list: readonly T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += n) out.push(list.slice(i, i + n));
  return out;
}

const pairs = <T,>(list: readonly T[]): T[][] => chunk(list, 2);
