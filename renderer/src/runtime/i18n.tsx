import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Locale } from '../../../shared/model';
import type { Bilingual } from '../../../shared/result';
import { formatMessage, type ValidationCode } from '../../../shared/messages';
import { en, zh, type StringKey } from '../../../shared/i18n/strings';
import { enumLabel, type EnumKey, type EnumTable } from '../../../shared/i18n/labels';

export type Params = Record<string, string | number>;

export interface Translator {
  locale: Locale;
  t: (key: StringKey, params?: Params) => string;
  /** A validation code's message in the current language. */
  msg: (code: ValidationCode, params?: Params) => string;
  /** A bilingual message from shared code or the platform. */
  pick: (m: Bilingual) => string;
  /** An enum value's word from the one catalogue the print and the workbook use too. */
  label: <T extends EnumTable>(table: T, key: EnumKey<T>) => string;
}

export function fill(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function makeTranslator(locale: Locale): Translator {
  const table: Record<StringKey, string> = locale === 'en' ? en : zh;
  return {
    locale,
    t: (key, params) => fill(table[key], params),
    msg: (code, params) => formatMessage(code, locale, params),
    pick: (m) => (locale === 'en' ? m.en : m.zh),
    label: (table, key) => enumLabel(table, key, locale),
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
