import { describe, expect, it } from 'vitest';
import { UNSAVED_CLOSE_DIALOG, leaveDespiteUnsaved } from './unsavedClose';

describe('closing the window with unsaved input', () => {
  it('asks in both languages, with staying as the default and the Esc answer', () => {
    expect(UNSAVED_CLOSE_DIALOG.message).toContain('未保存');
    expect(UNSAVED_CLOSE_DIALOG.detail).toContain('unsaved');
    expect(UNSAVED_CLOSE_DIALOG.buttons?.[UNSAVED_CLOSE_DIALOG.defaultId ?? -1]).toContain('返回登记');
    expect(UNSAVED_CLOSE_DIALOG.cancelId).toBe(UNSAVED_CLOSE_DIALOG.defaultId);
  });
  it('closes only on the explicit "close anyway" button', () => {
    expect(leaveDespiteUnsaved(1)).toBe(true);
    expect(leaveDespiteUnsaved(0)).toBe(false);
    expect(leaveDespiteUnsaved(-1)).toBe(false);
  });
});
