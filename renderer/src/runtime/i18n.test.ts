import { describe, expect, it } from 'vitest';
import { THERMOMETER_METHODS } from '../../../shared/model';
import { makeTranslator } from './i18n';

describe('translator options', () => {
  it.each(['zh', 'en'] as const)('gives every value its own label, in the order given (%s)', (locale) => {
    const tr = makeTranslator(locale);
    const options = tr.options('method', [...THERMOMETER_METHODS].reverse());
    expect(options.map((o) => o.value)).toEqual([...THERMOMETER_METHODS].reverse());
    expect(options.map((o) => o.label)).toEqual([...THERMOMETER_METHODS].reverse().map((m) => tr.label('method', m)));
    expect(new Set(options.map((o) => o.label)).size).toBe(THERMOMETER_METHODS.length);
  });
});
