// Who signs in: a member of the shift (or the administrator) picked by digit, then the PIN and
// Enter. The PIN is checked by renderer/src/db/operators.ts; a wrong one says so, clears the box
// and changes nothing. Used by the lock screen and by the F8 switch dialog.
import { useEffect, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Shift } from '../../../shared/model';
import type { Actor, Role } from '../../../shared/privacy/roles';
import { validatePin } from '../../../shared/privacy/pin';
import { claimPin, shiftHasPins, signIn, signInChoices } from '../db';
import { useDb } from '../runtime/dbContext';
import { useSession } from '../runtime/session';
import { useT, type Say, type Translator } from '../runtime/i18n';
import { ChoiceField, moveOnEnter } from '../ui/fields';
import { PinField } from '../ui/PinField';
import { AlertLine, submitWith } from '../ui/formParts';

export function OperatorSwitch({ shift, onSignedIn, autoFocus = true }: { shift: Shift; onSignedIn: (actor: Actor) => void; autoFocus?: boolean }) {
  const db = useDb();
  const tr = useT();
  const { t } = tr;
  const session = useSession();
  const choices = useLiveQuery(() => signInChoices(db, shift), [db, shift]);
  const withPins = useLiveQuery(() => shiftHasPins(db, shift.id), [db, shift.id]);
  const [who, setWho] = useState('');
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [message, setMessage] = useState<Say | null>(null);
  const [busy, setBusy] = useState(false);
  const pinRef = useRef<HTMLInputElement>(null);
  const formRef = useRef<HTMLFormElement>(null);

  // The first choice is someone other than who is signed in now (a switch is to someone else).
  const current = session.actor?.name;
  useEffect(() => {
    if (!who && choices && choices.length > 0) setWho((choices.find((c) => c.name !== current) ?? choices[0])!.name);
  }, [choices, who, current]);
  // Focus on the chosen name once it is chosen: a digit picks another, Enter goes to the PIN.
  const focused = useRef(false);
  useEffect(() => {
    if (!autoFocus || focused.current || !who) return;
    const radio = formRef.current?.querySelector<HTMLInputElement>('input[type=radio]:checked');
    if (radio) {
      radio.focus();
      focused.current = true;
    }
  }, [autoFocus, who]);

  if (!choices || withPins === undefined) return null;
  const chosen = choices.find((c) => c.name === who);
  // A shift opened before PINs existed: a member without one sets it here, once.
  const claiming = !withPins && chosen !== undefined && !chosen.hasPin;
  const roleWord = (r: Role) => t(`role_${r}`);

  const submit = async () => {
    if (busy || !chosen) return;
    if (claiming) {
      const code = validatePin(pin) ?? (pin !== again ? 'pin.mismatch' : undefined);
      if (code) {
        setMessage(() => (tr: Translator) => tr.msg(code));
        return;
      }
    }
    setBusy(true);
    const r = claiming ? await claimPin(db, shift, chosen.name, pin, Date.now(), session.actor) : await signIn(db, shift, chosen.name, pin, Date.now(), session.actor);
    setBusy(false);
    if (r.ok) {
      setMessage(null);
      // Leave the PIN box before it goes: Chromium otherwise keeps typed text away from the field
      // focus returns to after the dialog (keys arrive there, nothing is inserted; seen in the e2e).
      pinRef.current?.blur();
      onSignedIn(r.value);
      return;
    }
    const m = r.error.message;
    setMessage(() => (tr: Translator) => tr.pick(m));
    setPin('');
    setAgain('');
    pinRef.current?.focus();
  };

  return (
    <form ref={formRef} className="operator-switch" aria-label={t('accessSwitchTitle')} onKeyDown={moveOnEnter} onSubmit={submitWith(submit)} noValidate>
      <ChoiceField
        label={t('accessWho')}
        value={who}
        options={choices.map((c) => ({ value: c.name, label: `${c.name}（${roleWord(c.role)}）` }))}
        onChange={(v) => {
          setWho(v);
          setMessage(null);
        }}
      />
      {claiming ? <p className="hint">{t('accessClaimHint')}</p> : null}
      <PinField
        label={t('accessPin')}
        value={pin}
        inputRef={pinRef}
        onChange={setPin}
        onKeyDown={(e) => {
          // Enter on the PIN signs in (or, when setting a PIN, moves to its repetition).
          if (e.key === 'Enter' && !claiming) {
            e.preventDefault();
            e.stopPropagation();
            void submit();
          }
        }}
      />
      {claiming ? (
        <PinField
          label={t('accessPinAgain')}
          value={again}
          onChange={setAgain}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              e.stopPropagation();
              void submit();
            }
          }}
        />
      ) : null}
      <AlertLine text={message?.(tr)} testId="signin-error" />
      <button type="submit" className="primary" disabled={busy}>
        {claiming ? t('accessClaim') : t('accessSignIn')}
      </button>
    </form>
  );
}
