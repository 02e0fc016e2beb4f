// A line across the top while the second copy is not being written: the booth keeps working
// (records are in IndexedDB), but staff must know and call for help.
import { useSyncExternalStore } from 'react';
import { journalError, onJournalHealth } from '../db/journal';
import { useT } from '../runtime/i18n';
import type { AppError } from '../../../shared/result';

export function JournalBanner({ startupError }: { startupError?: AppError }) {
  const { pick } = useT();
  const error = useSyncExternalStore(onJournalHealth, journalError) ?? startupError;
  if (!error) return null;
  return (
    <p className="journal-banner" role="alert" data-testid="journal-banner">
      {pick(error.message)}
    </p>
  );
}
