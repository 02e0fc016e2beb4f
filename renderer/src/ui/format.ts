// The screens' time formatters live with the print's in shared/time.ts (one home); this module
// keeps the ui/ import path for the components.
export { formatDateTime, formatTime } from '../../../shared/time';
