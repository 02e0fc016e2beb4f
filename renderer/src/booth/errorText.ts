import type { FieldError } from '../../../shared/registration';
import type { Translator } from '../runtime/i18n';

export function errorText(tr: Translator, e: FieldError | undefined): string | undefined {
  return e ? tr.msg(e.code, e.params) : undefined;
}
