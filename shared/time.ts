// How a moment is written for people: in the booth's local time, the same on screen, in the
// printed handover and in the status lines.
const pad = (n: number) => String(n).padStart(2, '0');

/** HH:MM in the booth's local time. */
export function formatTime(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** YYYY-MM-DD HH:MM in the booth's local time. */
export function formatDateTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${formatTime(ms)}`;
}

