// The printable handover is built in shared/shift/report.ts (pure); the print dialog and its view
// import it through this path.
export { buildHandoverReport, type HandoverReport, type ReportInput } from '../../../shared/shift/report';
