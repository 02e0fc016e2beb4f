import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Locale } from '../../../shared/model';
import type { Bilingual } from '../../../shared/result';
import { formatMessage, type ValidationCode } from '../../../shared/messages';
import { en, zh, type StringKey } from '../../../shared/i18n/strings';
import { fill, type Params } from '../../../shared/i18n/fill';
import { enumLabel, type EnumKey, type EnumTable } from '../../../shared/i18n/labels';

export type { Params };

/**
 * A status line kept in state as words-to-be: rendered with the translator of the moment, so a
 * message shown before the language was switched follows the switch.
 */
export type Say = (tr: Translator) => string;

export interface Translator {
  locale: Locale;
  t: (key: StringKey, params?: Params) => string;
  /** A validation code's message in the current language. */
  msg: (code: ValidationCode, params?: Params) => string;
  /** A bilingual message from shared code or the platform. */
  pick: (m: Bilingual) => string;
  /** An enum value's word from the one catalogue the print and the workbook use too. */
  label: <T extends EnumTable>(table: T, key: EnumKey<T>) => string;
  /** An enum's values in the order given, each with its word: the options of a choice field. */
  options: <T extends EnumTable, V extends EnumKey<T>>(table: T, values: readonly V[]) => { value: V; label: string }[];
}

export { fill };

export function makeTranslator(locale: Locale): Translator {
  const table: Record<StringKey, string> = locale === 'en' ? en : zh;
  return {
    locale,
    t: (key, params) => fill(table[key], params, locale),
    msg: (code, params) => formatMessage(code, locale, params),
    pick: (m) => (locale === 'en' ? m.en : m.zh),
    label: (table, key) => enumLabel(table, key, locale),
    options: (table, values) => values.map((value) => ({ value, label: enumLabel(table, value, locale) })),
  };
}

const TranslatorContext = createContext<Translator>(makeTranslator('zh'));

export function TranslatorProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const value = useMemo(() => makeTranslator(locale), [locale]);
  return <TranslatorContext.Provider value={value}>{children}</TranslatorContext.Provider>;
}

export function useT(): Translator {
  return useContext(TranslatorContext);
}
