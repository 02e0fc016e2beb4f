// Printing the handover sheet / registration list. Only electron *types* here: the window and
// the save step come in as arguments, so the outcome mapping is checked in Node.
import type { WebContents } from 'electron';
import type { PrintToPdfRequest, SaveOutcome } from '../../shared/ipc';
import { fail, ok, type Result } from '../../shared/result';
import type { SaveRequest } from './saveFile';

/** Cancelling the system print dialog is the user's choice, not an error worth a red message. */
export function printOutcome(success: boolean, failureReason: string): Result<null> {
  if (success || /cancel/i.test(failureReason)) return ok(null);
  return fail('print.failed', `打印失败：${failureReason || '未知原因'}（请检查打印机是否连接）`, `Printing failed: ${failureReason || 'unknown reason'} (check that the printer is connected)`);
}

export function printContents(contents: Pick<WebContents, 'print'>): Promise<Result<null>> {
  return new Promise((resolve) => {
    contents.print({}, (success, failureReason) => resolve(printOutcome(success, failureReason)));
  });
}

export async function printContentsToPdf(
  contents: Pick<WebContents, 'printToPDF'>,
  req: PrintToPdfRequest,
  save: (req: SaveRequest) => Promise<Result<SaveOutcome>>,
): Promise<Result<SaveOutcome>> {
  let pdf: Uint8Array;
  try {
    pdf = await contents.printToPDF({ pageSize: 'A4', printBackground: true });
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return fail('print.pdfFailed', `生成 PDF 失败：${detail}`, `Could not create the PDF: ${detail}`);
  }
  return save({ suggestedName: req.suggestedName, kind: 'pdf', data: pdf });
}
