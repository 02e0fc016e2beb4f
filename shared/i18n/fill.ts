// Filling a catalogue template: `{name}` takes a parameter; `{n|shift|shifts}` takes the number
// n and the word that agrees with it (English plurals: "1 shift", "2 shifts"). Chinese strings do
// not need the second form. Pure, so the renderer and the main process fill words the same way.
import type { Locale } from '../model';

export type Params = Readonly<Record<string, string | number>>;

const plural: Record<Locale, Intl.PluralRules> = {
  zh: new Intl.PluralRules('zh'),
  en: new Intl.PluralRules('en'),
};

export function fill(template: string, params: Params | undefined, locale: Locale = 'zh'): string {
  if (!params) return template;
  return template.replace(/\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g, (whole, name: string, one?: string, other?: string) => {
    if (!(name in params)) return whole;
    const value = params[name];
    if (one === undefined || other === undefined) return String(value);
    const n = Number(value);
    return `${String(value)} ${plural[locale].select(n) === 'one' ? one : other}`;
  });
}
