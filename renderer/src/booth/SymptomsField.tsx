// The symptoms checklist, one control for the booth's fever recheck and the recheck dialog: out of
// the Enter chain (a fever's rare extra, reached by Tab), digits toggle a symptom.
import { SYMPTOMS, type Symptom } from '../../../shared/model';
import { useT } from '../runtime/i18n';
import { MultiCheckField } from '../ui/fields';

export function SymptomsField({ values, onChange, className }: { values: readonly Symptom[]; onChange: (symptoms: Symptom[]) => void; className?: string }) {
  const tr = useT();
  return <MultiCheckField label={tr.t('symptoms')} values={values} options={tr.options('symptom', SYMPTOMS)} onChange={onChange} nav={false} className={className} />;
}
