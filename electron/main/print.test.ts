import { describe, expect, it, vi } from 'vitest';
import { ok } from '../../shared/result';
import { printContents, printContentsToPdf, printOutcome } from './print';

describe('printOutcome', () => {
  it('treats success and a cancelled dialog as ok', () => {
    expect(printOutcome(true, '')).toEqual(ok(null));
    expect(printOutcome(false, 'Print job canceled')).toEqual(ok(null));
  });
  it('reports real failures in both languages', () => {
    const r = printOutcome(false, 'Print job failed');
    expect(r).toMatchObject({ ok: false, error: { code: 'print.failed' } });
    if (!r.ok) {
      expect(r.error.message.zh).toContain('打印失败');
      expect(r.error.message.en).toContain('Print job failed');
    }
  });
});

describe('printContents', () => {
  it('opens the system dialog and resolves with the outcome', async () => {
    const print = vi.fn((_opts: unknown, cb?: (success: boolean, reason: string) => void) => cb?.(false, 'Print job failed'));
    const r = await printContents({ print } as never);
    expect(print).toHaveBeenCalledWith({}, expect.any(Function));
    expect(r.ok).toBe(false);
  });
});

describe('printContentsToPdf', () => {
  it('renders A4 with backgrounds and hands the bytes to the save step as a pdf', async () => {
    const pdf = new Uint8Array([37, 80, 68, 70]);
    const printToPDF = vi.fn(async () => pdf);
    const save = vi.fn(async () => ok({ saved: true as const, path: '/usb/x.pdf' }));
    const r = await printContentsToPdf({ printToPDF } as never, { suggestedName: '交接表' }, save);
    expect(printToPDF).toHaveBeenCalledWith({ pageSize: 'A4', printBackground: true });
    expect(save).toHaveBeenCalledWith({ suggestedName: '交接表', kind: 'pdf', data: pdf });
    expect(r).toEqual(ok({ saved: true, path: '/usb/x.pdf' }));
  });
  it('turns a rendering failure into a Result without asking where to save', async () => {
    const save = vi.fn();
    const r = await printContentsToPdf({ printToPDF: async () => Promise.reject(new Error('renderer gone')) } as never, { suggestedName: 'x' }, save);
    expect(r).toMatchObject({ ok: false, error: { code: 'print.pdfFailed' } });
    expect(save).not.toHaveBeenCalled();
  });
});
