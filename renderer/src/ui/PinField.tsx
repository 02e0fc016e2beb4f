// A PIN box: digits only on a numeric keypad, never shown, never remembered by the browser.
import { useId, type KeyboardEvent, type Ref } from 'react';
import { PIN_MAX } from '../../../shared/privacy/pin';
import { ErrorText } from './fields';

export function PinField(p: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string | undefined;
  autoFocus?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  onKeyDown?: (e: KeyboardEvent<HTMLInputElement>) => void;
  className?: string;
}) {
  const id = useId();
  const errId = `${id}-err`;
  return (
    <div className={`field pin ${p.className ?? ''} ${p.error ? 'has-error' : ''}`}>
      <label htmlFor={id}>{p.label}</label>
      <input
        id={id}
        ref={p.inputRef}
        type="password"
        inputMode="numeric"
        autoComplete="off"
        maxLength={PIN_MAX + 2}
        value={p.value}
        autoFocus={p.autoFocus}
        data-nav=""
        aria-invalid={p.error ? true : undefined}
        aria-describedby={p.error ? errId : undefined}
        onChange={(e) => p.onChange(e.target.value)}
        onKeyDown={p.onKeyDown}
      />
      <ErrorText id={errId} text={p.error} />
    </div>
  );
}
