// Values, not exceptions, cross every boundary (IPC, storage, import): the caller must look.

/** A message the user reads, in both UI languages. */
export interface Bilingual {
  zh: string;
  en: string;
}

export interface AppError {
  /** Stable machine code, e.g. 'save.cancelled', 'ipc.invalid'. */
  code: string;
  message: Bilingual;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const fail = <T = never>(code: string, zh: string, en: string): Result<T> => ({
  ok: false,
  error: { code, message: { zh, en } },
});
