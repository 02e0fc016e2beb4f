// The application menu as data, so it can be checked in Node without an Electron binary.
//
// Shortcut ownership: the renderer listens for its own keys (Ctrl+N, Ctrl+S, …) because the
// browser version has no menu. If the menu registered the same accelerators, one key press
// would run the command twice on Windows/Linux (menu accelerator + page keydown). So every
// command item below shows its key but sets `registerAccelerator: false`: the menu documents
// the key, the renderer owns it. Role items (copy, zoom, …) keep native accelerators because
// the renderer does not handle those keys.
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/ipc';
import type { Locale } from '../../shared/model';
import { catalogue, type StringKey } from '../../shared/i18n/strings';

export interface MenuOptions {
  /** Packaged builds hide reload and DevTools so booth staff cannot lose an unsaved form by accident. */
  isPackaged: boolean;
  onAbout: () => void;
}

// Words come from the one catalogue (shared/i18n/strings.ts), the renderer's too.
type Text = StringKey;

const T = {
  file: 'menuFile',
  newVehicle: 'menuNewVehicle',
  addOccupant: 'menuAddOccupant',
  save: 'menuSave',
  incident: 'menuIncident',
  closeShift: 'menuCloseShift',
  exportHandover: 'menuExportHandover',
  print: 'menuPrint',
  settings: 'menuSettings',
  quit: 'menuQuit',
  edit: 'menuEdit',
  undo: 'menuUndo',
  redo: 'menuRedo',
  cut: 'menuCut',
  copy: 'menuCopy',
  paste: 'menuPaste',
  selectAll: 'menuSelectAll',
  search: 'menuSearch',
  view: 'menuView',
  toggleTheme: 'menuToggleTheme',
  toggleLocale: 'menuToggleLocale',
  resetZoom: 'menuResetZoom',
  zoomIn: 'menuZoomIn',
  zoomOut: 'menuZoomOut',
  fullscreen: 'menuFullscreen',
  reload: 'menuReload',
  devTools: 'menuDevTools',
  help: 'menuHelp',
  shortcuts: 'menuShortcuts',
  about: 'menuAbout',
} as const satisfies Record<string, StringKey>;

/** Keys the renderer handles itself; shown in the menu but not registered (see top of file). */
export const RENDERER_SHORTCUTS = {
  newVehicle: 'CmdOrCtrl+N',
  save: 'CmdOrCtrl+S',
  incident: 'CmdOrCtrl+I',
  exportHandover: 'CmdOrCtrl+E',
  print: 'CmdOrCtrl+P',
  settings: 'CmdOrCtrl+,',
  search: 'CmdOrCtrl+F',
  help: 'F1',
} as const satisfies Partial<Record<MenuCommand, string>>;

export function buildMenuTemplate(
  locale: Locale,
  send: (command: MenuCommand) => void,
  opts: MenuOptions,
): MenuItemConstructorOptions[] {
  const t = (text: Text): string => catalogue(locale)[text];
  const command = (label: Text, cmd: MenuCommand): MenuItemConstructorOptions => {
    const accelerator = (RENDERER_SHORTCUTS as Partial<Record<MenuCommand, string>>)[cmd];
    return {
      id: `command.${cmd}`,
      label: t(label),
      ...(accelerator ? { accelerator, registerAccelerator: false } : {}),
      click: () => send(cmd),
    };
  };
  const sep: MenuItemConstructorOptions = { type: 'separator' };

  const view: MenuItemConstructorOptions[] = [
    command(T.toggleTheme, 'toggleTheme'),
    command(T.toggleLocale, 'toggleLocale'),
    sep,
    { role: 'resetZoom', label: t(T.resetZoom) },
    { role: 'zoomIn', label: t(T.zoomIn) },
    { role: 'zoomOut', label: t(T.zoomOut) },
    sep,
    { role: 'togglefullscreen', label: t(T.fullscreen) },
  ];
  if (!opts.isPackaged) {
    view.push(sep, { role: 'reload', label: t(T.reload) }, { role: 'toggleDevTools', label: t(T.devTools) });
  }

  return [
    {
      label: t(T.file),
      submenu: [
        command(T.newVehicle, 'newVehicle'),
        command(T.addOccupant, 'addOccupant'),
        command(T.save, 'save'),
        command(T.incident, 'incident'),
        sep,
        command(T.closeShift, 'closeShift'),
        command(T.exportHandover, 'exportHandover'),
        command(T.print, 'print'),
        sep,
        command(T.settings, 'settings'),
        sep,
        { role: 'quit', label: t(T.quit) },
      ],
    },
    {
      label: t(T.edit),
      submenu: [
        { role: 'undo', label: t(T.undo) },
        { role: 'redo', label: t(T.redo) },
        sep,
        { role: 'cut', label: t(T.cut) },
        { role: 'copy', label: t(T.copy) },
        { role: 'paste', label: t(T.paste) },
        { role: 'selectAll', label: t(T.selectAll) },
        sep,
        command(T.search, 'search'),
      ],
    },
    { label: t(T.view), submenu: view },
    {
      label: t(T.help),
      submenu: [command(T.shortcuts, 'help'), sep, { id: 'about', label: t(T.about), click: () => opts.onAbout() }],
    },
  ];
}

/** What a right-click offers: Electron shows no context menu by default, and staff paste plate numbers. */
export interface ContextMenuInput {
  isEditable: boolean;
  selectionText: string;
  editFlags: { canCut: boolean; canCopy: boolean; canPaste: boolean; canSelectAll: boolean };
}

export function buildContextMenuTemplate(locale: Locale, p: ContextMenuInput): MenuItemConstructorOptions[] {
  const t = (text: Text): string => catalogue(locale)[text];
  if (p.isEditable) {
    return [
      { role: 'cut', label: t(T.cut), enabled: p.editFlags.canCut },
      { role: 'copy', label: t(T.copy), enabled: p.editFlags.canCopy },
      { role: 'paste', label: t(T.paste), enabled: p.editFlags.canPaste },
      { type: 'separator' },
      { role: 'selectAll', label: t(T.selectAll), enabled: p.editFlags.canSelectAll },
    ];
  }
  if (p.selectionText.trim() !== '') return [{ role: 'copy', label: t(T.copy) }];
  return [];
}
