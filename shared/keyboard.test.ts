import { describe, expect, it } from 'vitest';
import { MENU_COMMANDS } from './ipc';
import { en, zh } from './i18n/strings';
import { COMMAND_KEYS, FIELD_KEYS, chordAccelerator, chordLabel, commandForKey, helpLines, primaryChords } from './keyboard';

const press = (key: string, mods: { ctrl?: boolean; meta?: boolean; alt?: boolean } = {}) =>
  commandForKey({ key, ctrlKey: mods.ctrl ?? false, metaKey: mods.meta ?? false, altKey: mods.alt ?? false });

describe('the keyboard table', () => {
  it('drives the key handler: every chord in the table runs its command', () => {
    for (const b of COMMAND_KEYS) {
      expect(press(b.chord.key, { ctrl: b.chord.ctrl ?? false }), chordLabel(b.chord)).toBe(b.command);
      // Caps Lock / Shift give an upper-case letter: still the same command.
      if (b.chord.key.length === 1) expect(press(b.chord.key.toUpperCase(), { ctrl: b.chord.ctrl ?? false })).toBe(b.command);
    }
  });

  it('answers ⌘ like Ctrl, leaves Alt chords and unbound keys alone', () => {
    expect(press('s', { meta: true })).toBe('save');
    expect(press('s', { ctrl: true, alt: true })).toBeUndefined();
    expect(press('s')).toBeUndefined();
    expect(press('F5')).toBeUndefined();
    expect(press('Enter')).toBeUndefined();
  });

  it('has the keys the booth relies on: F9 and Ctrl+Enter save as well as Ctrl+S', () => {
    expect(press('F9')).toBe('save');
    expect(press('Enter', { ctrl: true })).toBe('save');
    expect(press('F3')).toBe('recall');
    expect(press('F6')).toBe('reusePerson');
  });

  it('binds each chord once', () => {
    const labels = COMMAND_KEYS.map((b) => chordLabel(b.chord));
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('lists every chord and every field key in the F1 help, in both languages', () => {
    const lines = helpLines();
    const shown = lines.map((l) => l.keys).join(' / ');
    for (const b of COMMAND_KEYS) expect(shown).toContain(chordLabel(b.chord));
    for (const f of FIELD_KEYS) expect(lines).toContainEqual(f);
    for (const keys of ['Esc Esc', 'Space', 'F9', 'Ctrl+Enter', 'Tab']) expect(shown).toContain(keys);
    for (const l of lines) {
      expect(zh[l.help]).toBeTruthy();
      expect(en[l.help]).toBeTruthy();
    }
  });

  it('gives every menu command with a key one accelerator, the first chord in the table', () => {
    const primary = primaryChords();
    expect(primary.save && chordAccelerator(primary.save)).toBe('CmdOrCtrl+S');
    expect(primary.settings && chordAccelerator(primary.settings)).toBe('CmdOrCtrl+,');
    expect(primary.help && chordAccelerator(primary.help)).toBe('F1');
    for (const c of Object.keys(primary)) expect([...MENU_COMMANDS, 'recall', 'recheckQueue', 'reusePerson', 'switchOperator']).toContain(c);
  });
});
