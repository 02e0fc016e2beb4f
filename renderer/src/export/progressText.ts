import type { Translator } from '../runtime/i18n';
import type { Progress } from './protocol';

/** "读取人员（3/7）· 车辆 120 · 人员 480" — the step in words, where it is, what was read so far. */
export function progressText(tr: Pick<Translator, 't'>, p: Progress): string {
  const parts = [tr.t('jobProgress', { step: tr.t(`jobStep_${p.step}`), where: `${p.done}/${p.total}` })];
  if (p.fileName !== undefined) parts.push(p.fileName);
  if (p.vehicles !== undefined) parts.push(tr.t('jobReadVehicles', { n: p.vehicles }));
  if (p.persons !== undefined) parts.push(tr.t('jobReadPersons', { n: p.persons }));
  return parts.join(' · ');
}
