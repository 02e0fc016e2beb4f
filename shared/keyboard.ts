// The one keyboard table. The renderer's key handler (commandForKey), the F1 help and the
// desktop menu's accelerators are all read from here, so help, menu and behaviour cannot drift
// apart (pinned by shared/keyboard.test.ts and electron/main/menu.test.ts).
import type { MenuCommand } from './ipc';
import type { StringKey } from './i18n/strings';

/**
 * Everything a key can ask the app to do through the command bus. switchOperator (access): the
 * operator switch, PIN asked; not a menu item (it is the booth's own).
 */
export type KeyCommand = MenuCommand | 'recall' | 'recheckQueue' | 'reusePerson' | 'switchOperator';

/** A key chord as KeyboardEvent reports it; `ctrl` is Ctrl on Windows/Linux and ⌘ on macOS. */
export interface Chord {
  key: string;
  ctrl?: boolean;
}

export interface CommandBinding {
  chord: Chord;
  command: KeyCommand;
  /** What F1 says the key does. */
  help: StringKey;
}

/** A key handled inside a field or dialog rather than by the command bus; listed in F1 too. */
export interface FieldKey {
  /** Shown as is (key names are the same in both languages). */
  keys: string;
  help: StringKey;
}

/**
 * Keys that run commands. The first chord of a command is its menu accelerator; later chords are
 * alternatives (F9 and Ctrl+Enter save for those who cannot reach Ctrl+S with a glove).
 */
export const COMMAND_KEYS: readonly CommandBinding[] = [
  { chord: { key: 'F1' }, command: 'help', help: 'key_help' },
  { chord: { key: 's', ctrl: true }, command: 'save', help: 'key_save' },
  { chord: { key: 'F9' }, command: 'save', help: 'key_save' },
  { chord: { key: 'Enter', ctrl: true }, command: 'save', help: 'key_save' },
  { chord: { key: 'F2' }, command: 'addOccupant', help: 'key_addOccupant' },
  { chord: { key: 'F3' }, command: 'recall', help: 'key_recall' },
  { chord: { key: 'F4' }, command: 'recheckQueue', help: 'key_recheckQueue' },
  // After a recognised ID: the name and phone it was last registered with (people across visits).
  { chord: { key: 'F6' }, command: 'reusePerson', help: 'key_reusePerson' },
  { chord: { key: 'F8' }, command: 'switchOperator', help: 'key_switchOperator' },
  { chord: { key: 'n', ctrl: true }, command: 'newVehicle', help: 'key_newVehicle' },
  { chord: { key: 'f', ctrl: true }, command: 'search', help: 'key_search' },
  { chord: { key: 'i', ctrl: true }, command: 'incident', help: 'key_incident' },
  { chord: { key: 'e', ctrl: true }, command: 'exportHandover', help: 'key_export' },
  { chord: { key: 'p', ctrl: true }, command: 'print', help: 'key_print' },
  { chord: { key: ',', ctrl: true }, command: 'settings', help: 'key_settings' },
];

/** Keys that work inside the form and dialogs (the form and ui/fields implement them). */
export const FIELD_KEYS: readonly FieldKey[] = [
  { keys: 'Enter', help: 'key_enter' },
  { keys: 'Enter', help: 'key_enterTemp' },
  { keys: '1–9', help: 'key_digits' },
  { keys: 'Space', help: 'key_space' },
  { keys: 'Tab', help: 'key_tabGroups' },
  { keys: 'Esc Esc', help: 'key_escTwice' },
  { keys: 'Esc', help: 'key_escDialog' },
  { keys: 'Ctrl+S', help: 'key_dialogSave' },
];

/** 'Ctrl+S', 'F9', 'Ctrl+Enter', 'Ctrl+,' — how a chord is written in help and on buttons. */
export function chordLabel(c: Chord): string {
  const key = c.key.length === 1 ? c.key.toUpperCase() : c.key;
  return c.ctrl ? `Ctrl+${key}` : key;
}

/** The Electron accelerator for a chord. */
export function chordAccelerator(c: Chord): string {
  const key = c.key.length === 1 ? c.key.toUpperCase() : c.key;
  return c.ctrl ? `CmdOrCtrl+${key}` : key;
}

/** The first chord of each command: what the menu shows and the buttons name. */
export function primaryChords(): Partial<Record<KeyCommand, Chord>> {
  const out: Partial<Record<KeyCommand, Chord>> = {};
  for (const b of COMMAND_KEYS) out[b.command] ??= b.chord;
  return out;
}

export interface KeyEventLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey?: boolean;
}

/** The command a key press asks for, if any. Alt is left to the system and to menus. */
export function commandForKey(e: KeyEventLike): KeyCommand | undefined {
  if (e.altKey) return undefined;
  const ctrl = e.ctrlKey || e.metaKey;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  const hit = COMMAND_KEYS.find((b) => (b.chord.ctrl ?? false) === ctrl && b.chord.key === key);
  return hit?.command;
}

/** Every line of the F1 help, in table order: commands (chords of one command joined) then field keys. */
export function helpLines(): { keys: string; help: StringKey }[] {
  const byCommand = new Map<KeyCommand, { keys: string[]; help: StringKey }>();
  for (const b of COMMAND_KEYS) {
    const entry = byCommand.get(b.command) ?? { keys: [], help: b.help };
    entry.keys.push(chordLabel(b.chord));
    byCommand.set(b.command, entry);
  }
  return [...[...byCommand.values()].map((e) => ({ keys: e.keys.join(' / '), help: e.help })), ...FIELD_KEYS];
}
