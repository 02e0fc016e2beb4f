import type { Translator } from '../runtime/i18n';

/** 驾驶员, 乘客 1, 乘客 2 … — a person line's name on screen, in messages about it and in its banner. */
export function personTitle(tr: Pick<Translator, 'label'>, index: number): string {
  return index === 0 ? tr.label('role', 'driver') : `${tr.label('role', 'passenger')} ${index}`;
}
