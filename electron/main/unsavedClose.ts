// Closing the window with a half-typed vehicle: the page says so in `beforeunload`, and Electron
// then raises 'will-prevent-unload', which cancels the close silently unless main asks the user.
// This module holds the question (bilingual: the window may close before the UI language is
// known) and the decision, so both are tested in Node without an Electron binary.
import type { MessageBoxSyncOptions } from 'electron';
import { en, zh } from '../../shared/i18n/strings';

export const UNSAVED_CLOSE_DIALOG: MessageBoxSyncOptions = {
  type: 'warning',
  title: `${zh.appTitle} ${en.appTitle}`,
  message: zh.unsavedLeave,
  detail: en.unsavedLeave,
  buttons: [`${zh.unsavedStayButton} ${en.unsavedStayButton}`, `${zh.unsavedLeaveButton} ${en.unsavedLeaveButton}`],
  // Enter and Esc both keep the form: leaving is the one deliberate choice.
  defaultId: 0,
  cancelId: 0,
  noLink: true,
};

/** True when the user chose to close anyway (the unload goes ahead and the draft stays on disk). */
export function leaveDespiteUnsaved(response: number): boolean {
  return response === 1;
}
