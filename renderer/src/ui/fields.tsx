// Form controls built for gloves and keyboards: every control has a visible label that is
// also its accessible name, errors sit next to the field, and choices take digit keys.
import { useId, type KeyboardEvent, type ReactNode, type Ref } from 'react';

interface FieldShell {
  label: string;
  /** The label stays the field's accessible name but is not drawn (a column header says it). */
  hideLabel?: boolean;
  error?: string | undefined;
  hint?: ReactNode;
  className?: string;
}

export function ErrorText({ id, text }: { id: string; text?: string | undefined }) {
  if (!text) return null;
  return (
    <div id={id} className="field-error" role="alert">
      {text}
    </div>
  );
}

export interface TextFieldProps extends FieldShell {
  value: string;
  onChange: (value: string) => void;
  onKeyDown?: (e: KeyboardEvent<HTMLInputElement>) => void;
  onBlur?: () => void;
  inputRef?: Ref<HTMLInputElement>;
  inputMode?: 'text' | 'decimal' | 'numeric' | 'tel';
  autoFocus?: boolean;
  maxLength?: number;
  name?: string;
  multiline?: boolean;
  /** Marks the field focus returns to after a dialog closes (the plate). */
  focusHome?: boolean;
  /** Left out of the Enter chain (reachable by Tab). */
  nav?: boolean;
}

export function TextField(p: TextFieldProps) {
  const id = useId();
  const errId = `${id}-err`;
  return (
    <div className={`field ${p.className ?? ''} ${p.error ? 'has-error' : ''}`}>
      <label htmlFor={id} className={p.hideLabel ? 'sr-only' : undefined}>
        {p.label}
      </label>
      {p.multiline ? (
        <textarea
          id={id}
          name={p.name}
          value={p.value}
          rows={3}
          data-nav=""
          aria-invalid={p.error ? true : undefined}
          aria-describedby={p.error ? errId : undefined}
          onChange={(e) => p.onChange(e.target.value)}
        />
      ) : (
        <input
          id={id}
          name={p.name}
          ref={p.inputRef}
          value={p.value}
          autoComplete="off"
          spellCheck={false}
          inputMode={p.inputMode}
          autoFocus={p.autoFocus}
          maxLength={p.maxLength}
          data-nav={p.nav === false ? undefined : ''}
          data-focus-home={p.focusHome ? '' : undefined}
          aria-invalid={p.error ? true : undefined}
          aria-describedby={p.error ? errId : undefined}
          onChange={(e) => p.onChange(e.target.value)}
          onKeyDown={p.onKeyDown}
          onBlur={p.onBlur}
        />
      )}
      {p.hint ? <div className="field-hint">{p.hint}</div> : null}
      <ErrorText id={errId} text={p.error} />
    </div>
  );
}

export interface ChoiceOption<V extends string> {
  value: V;
  label: string;
}

export interface ChoiceFieldProps<V extends string> extends FieldShell {
  value: V;
  options: readonly ChoiceOption<V>[];
  onChange: (value: V) => void;
  /** In the Enter chain (default). Rarely changed choices stay out of it, reachable by Tab. */
  nav?: boolean;
}

/** One option of a radio or checkbox group: its control, the digit that picks it, its words. */
function NumberedOption({ chosen, digit, label, children }: { chosen: boolean; digit: number; label: string; children: ReactNode }) {
  return (
    <label className={chosen ? 'chosen' : ''}>
      {children}
      <span className="digit" aria-hidden="true">
        {digit}
      </span>
      {label}
    </label>
  );
}

/**
 * Digits 1–9 pick the option with that number (shown beside it), for the radio group and its
 * folded select alike. Returns the digit picked, or 0 when the key was not one (left alone).
 */
function pickByDigit<V extends string>(e: KeyboardEvent, options: readonly ChoiceOption<V>[], onChange: (value: V) => void): number {
  if (e.ctrlKey || e.altKey || e.metaKey) return 0;
  const n = Number(e.key);
  const opt = Number.isInteger(n) && n >= 1 ? options[n - 1] : undefined;
  if (!opt) return 0;
  e.preventDefault();
  onChange(opt.value);
  return n;
}

/**
 * A radio group: arrows move, digits 1–9 pick directly, Enter goes on. Digits are shown
 * on the options so nobody has to remember them.
 */
export function ChoiceField<V extends string>(p: ChoiceFieldProps<V>) {
  const name = useId();
  const errId = `${name}-err`;
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const n = pickByDigit(e, p.options, p.onChange);
    if (n) e.currentTarget.closest('fieldset')?.querySelectorAll<HTMLInputElement>('input[type=radio]')[n - 1]?.focus();
  };
  return (
    <fieldset className={`field choice ${p.className ?? ''} ${p.error ? 'has-error' : ''}`} aria-describedby={p.error ? errId : undefined}>
      <legend>{p.label}</legend>
      <div className="choice-options">
        {p.options.map((o, i) => (
          <NumberedOption key={o.value} chosen={o.value === p.value} digit={i + 1} label={o.label}>
            <input
              type="radio"
              name={name}
              value={o.value}
              checked={o.value === p.value}
              tabIndex={o.value === p.value ? 0 : -1}
              data-nav={o.value === p.value && p.nav !== false ? '' : undefined}
              onChange={() => p.onChange(o.value)}
              onKeyDown={onKeyDown}
            />
          </NumberedOption>
        ))}
      </div>
      <ErrorText id={errId} text={p.error} />
    </fieldset>
  );
}

export interface SelectFieldProps<V extends string> extends FieldShell {
  value: V;
  options: readonly ChoiceOption<V>[];
  onChange: (value: V) => void;
  name?: string;
  /** In the Enter chain; rarely changed choices stay out of it (Tab reaches them). */
  nav?: boolean;
}

/**
 * The folded form of a choice: one compact control instead of a row of options. Digits pick
 * directly (the options show them), arrows step, Enter goes on.
 */
export function SelectField<V extends string>(p: SelectFieldProps<V>) {
  const id = useId();
  const errId = `${id}-err`;
  const onKeyDown = (e: KeyboardEvent<HTMLSelectElement>) => void pickByDigit(e, p.options, p.onChange);
  return (
    <div className={`field select ${p.className ?? ''} ${p.error ? 'has-error' : ''}`}>
      <label htmlFor={id} className={p.hideLabel ? 'sr-only' : undefined}>
        {p.label}
      </label>
      <select
        id={id}
        name={p.name}
        value={p.value}
        data-nav={p.nav === false ? undefined : ''}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={p.error ? errId : undefined}
        onChange={(e) => p.onChange(e.target.value as V)}
        onKeyDown={onKeyDown}
      >
        {p.options.map((o, i) => (
          <option key={o.value} value={o.value}>
            {i + 1} {o.label}
          </option>
        ))}
      </select>
      <ErrorText id={errId} text={p.error} />
    </div>
  );
}

export interface CheckFieldProps extends FieldShell {
  checked: boolean;
  onChange: (checked: boolean) => void;
}

export function CheckField(p: CheckFieldProps) {
  const id = useId();
  const errId = `${id}-err`;
  return (
    <div className={`field check ${p.className ?? ''} ${p.error ? 'has-error' : ''}`}>
      <input
        id={id}
        type="checkbox"
        checked={p.checked}
        data-nav=""
        aria-invalid={p.error ? true : undefined}
        aria-describedby={p.error ? errId : undefined}
        onChange={(e) => p.onChange(e.target.checked)}
      />
      <label htmlFor={id}>{p.label}</label>
      <ErrorText id={errId} text={p.error} />
    </div>
  );
}

export interface MultiCheckProps<V extends string> extends FieldShell {
  values: readonly V[];
  options: readonly ChoiceOption<V>[];
  onChange: (values: V[]) => void;
  nav?: boolean;
}

/** Checkbox group; digits toggle an option. */
export function MultiCheckField<V extends string>(p: MultiCheckProps<V>) {
  const toggle = (v: V) => p.onChange(p.values.includes(v) ? p.values.filter((x) => x !== v) : [...p.values, v]);
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.ctrlKey || e.altKey || e.metaKey) return;
    const n = Number(e.key);
    const opt = Number.isInteger(n) && n >= 1 ? p.options[n - 1] : undefined;
    if (opt) {
      e.preventDefault();
      toggle(opt.value);
    }
  };
  return (
    <fieldset className={`field multi ${p.className ?? ''}`}>
      <legend>{p.label}</legend>
      <div className="choice-options">
        {p.options.map((o, i) => (
          <NumberedOption key={o.value} chosen={p.values.includes(o.value)} digit={i + 1} label={o.label}>
            <input
              type="checkbox"
              checked={p.values.includes(o.value)}
              data-nav={i === 0 && p.nav !== false ? '' : undefined}
              onChange={() => toggle(o.value)}
              onKeyDown={onKeyDown}
            />
          </NumberedOption>
        ))}
      </div>
    </fieldset>
  );
}

/**
 * Enter moves to the next control marked data-nav inside the container, so a whole form is
 * filled with data keys and Enter alone. Buttons and textareas keep their own Enter.
 */
export function moveOnEnter(e: KeyboardEvent<HTMLElement>): void {
  if (e.key !== 'Enter' || e.ctrlKey || e.altKey || e.metaKey || e.shiftKey || e.nativeEvent.isComposing) return;
  const target = e.target as HTMLElement;
  if (target.tagName === 'TEXTAREA' || target.tagName === 'BUTTON' || target.tagName === 'A') return;
  e.preventDefault();
  focusNext(e.currentTarget, target);
}

export function focusNext(container: HTMLElement, from: HTMLElement): void {
  const items = Array.from(container.querySelectorAll<HTMLElement>('[data-nav]')).filter(
    (el) => !el.hasAttribute('disabled') && el.offsetParent !== null,
  );
  // The element after `from` in document order, whether or not `from` is itself a stop.
  const next = items.find((el) => from.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING && !from.contains(el));
  next?.focus();
  if (next instanceof HTMLInputElement && next.type === 'text') next.select();
}
