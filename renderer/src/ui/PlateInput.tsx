// The one plate field: the registration form and the incident dialog type plates the same way
// (home province added to a bare plate, pinyin quick key for another province) and show the same
// live preview of what will be stored — including, in plain words, that the home province was added.
import type { PlatePreview } from '../../../shared/plateInput';
import { useT } from '../runtime/i18n';
import { TextField, type TextFieldProps } from './fields';

interface Props extends Omit<TextFieldProps, 'hint' | 'className'> {
  /** previewPlateInput(value, homeProvince), computed once by the owner (it also validates with it). */
  preview: PlatePreview;
}

export function PlateInput({ preview, ...field }: Props) {
  const tr = useT();
  const { t } = tr;
  return (
    <TextField
      {...field}
      className="plate"
      hint={
        preview.plate ? (
          <span className="plate-preview" data-testid="plate-preview">
            {t('platePreviewLabel')}: <strong>{preview.plate}</strong>
            {preview.homeAdded ? ` ${t('plateHomeAdded', { p: preview.homeAdded })}` : ''}
            {preview.candidates.length > 1 ? ` · ${t('plateCandidates')}: ${preview.candidates.map((c, i) => `${i + 1}${c}`).join(' ')}` : ''}
          </span>
        ) : (
          <span>{t('plateHint')}</span>
        )
      }
    />
  );
}
