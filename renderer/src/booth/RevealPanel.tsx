// 查看完整号码: offered only to a role that may (`can(actor, 'reveal')`); asks for the reason
// (a chosen one, or typed words for 其他), then db/privacy.ts revealRecord — which checks the
// role again and writes the audit entry — hands back the full values for REVEAL_SECONDS. The
// parent masks again when the timer ends or the dialog closes.
import { useState } from 'react';
import { REVEAL_REASON_MAX, REVEAL_REASONS, REVEAL_SECONDS, validateRevealReason, type RevealReasonKind } from '../../../shared/privacy/reveal';
import { revealRecord, type RevealedPerson } from '../db';
import { useDb } from '../runtime/dbContext';
import { useActor } from '../runtime/session';
import { useCommand } from '../runtime/commands';
import { useT, type Say, type Translator } from '../runtime/i18n';
import { ChoiceField, TextField } from '../ui/fields';

interface Props {
  vehicleId: string;
  onRevealed: (values: RevealedPerson[], reason: string) => void;
  onCancel: () => void;
}

export function RevealPanel({ vehicleId, onRevealed, onCancel }: Props) {
  const db = useDb();
  const actor = useActor();
  const tr = useT();
  const { t } = tr;
  const [kind, setKind] = useState<RevealReasonKind>('feverReferral');
  const [text, setText] = useState('');
  const [error, setError] = useState<Say | undefined>();

  const confirm = async () => {
    const code = validateRevealReason({ kind, text });
    if (code) {
      setError(() => (tr: Translator) => (code === 'reveal.reasonTooLong' ? tr.t('reveal_reasonTooLong', { max: REVEAL_REASON_MAX }) : tr.t('reveal_reasonRequired')));
      return;
    }
    const r = await revealRecord(db, actor, vehicleId, { kind, text }, Date.now());
    if (!r.ok) {
      const message = r.error.message;
      setError(() => (tr: Translator) => tr.pick(message));
      return;
    }
    const label = tr.t(`reason_${kind}`);
    onRevealed(r.value, text.trim() ? `${label}：${text.trim()}` : label);
  };
  useCommand('save', () => void confirm());

  return (
    <div className="reveal-box" data-testid="reveal-box">
      <ChoiceField
        label={t('revealWhy')}
        value={kind}
        options={REVEAL_REASONS.map((k) => ({ value: k, label: t(`reason_${k}`) }))}
        onChange={(k) => {
          setKind(k);
          setError(undefined);
        }}
      />
      <TextField
        label={t('revealReasonText')}
        value={text}
        maxLength={REVEAL_REASON_MAX}
        error={error?.(tr)}
        onChange={(v) => {
          setText(v);
          setError(undefined);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
            e.preventDefault();
            void confirm();
          }
        }}
      />
      <div className="actions">
        <button type="button" className="primary" onClick={() => void confirm()}>
          {t('revealConfirm', { s: REVEAL_SECONDS })}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}
