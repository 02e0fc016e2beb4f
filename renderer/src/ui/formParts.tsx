// The pieces every dialog form repeats, in one place: the submit that never reloads the page,
// the action row (the primary button in the Enter chain, then the way out), the close button, a
// line that speaks up only when there is something to say, and a labelled input row.
import type { FormEvent, ReactNode } from 'react';
import { useT } from '../runtime/i18n';

/** A form's onSubmit: no page reload, the action runs (its promise is the caller's to report). */
export const submitWith =
  (action: () => unknown) =>
  (e: FormEvent): void => {
    e.preventDefault();
    void action();
  };

/**
 * The action row: the primary submit button (the end of the Enter chain), then the button that
 * closes without acting. `children` go after them (a status line, a further button).
 */
export function FormActions(p: { submitLabel: string; closeLabel: string; onClose: () => void; disabled?: boolean; children?: ReactNode }) {
  return (
    <div className="actions">
      <button type="submit" className="primary" data-nav="" disabled={p.disabled}>
        {p.submitLabel}
      </button>
      <CloseButton label={p.closeLabel} onClose={p.onClose} />
      {p.children}
    </div>
  );
}

/** The button that leaves a dialog without acting: 关闭 unless the dialog says it in its own words. */
export function CloseButton({ onClose, label, autoFocus }: { onClose: () => void; label?: string; autoFocus?: boolean }) {
  const { t } = useT();
  return (
    <button type="button" autoFocus={autoFocus} onClick={onClose}>
      {label ?? t('close')}
    </button>
  );
}

/** A line read out at once (role=alert) while there is something to say; nothing otherwise. */
export function AlertLine({ text, tone = 'error', testId }: { text: ReactNode; tone?: 'error' | 'warning'; testId?: string }) {
  if (text === undefined || text === null || text === false || text === '') return null;
  return (
    <p className={tone === 'error' ? 'field-error' : 'warning'} role="alert" data-testid={testId}>
      {text}
    </p>
  );
}

/** A labelled control on its own row; `id` ties the label to the control. */
export function FieldRow({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}
