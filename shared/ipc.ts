// The one contract between renderer and main. The preload wraps each channel in a
// named function; main validates every payload with these schemas before acting.
import { z } from 'zod';
import type { Locale } from './model';
import type { Result } from './result';

export const IPC = {
  appInfo: 'app:info',
  setLocale: 'app:set-locale',
  saveFile: 'file:save',
  print: 'window:print',
  printToPdf: 'window:print-to-pdf',
  /** main → renderer: a menu item was chosen. */
  menuCommand: 'menu:command',
} as const;

export const MENU_COMMANDS = [
  'newVehicle',
  'addOccupant',
  'save',
  'search',
  'incident',
  'closeShift',
  'exportHandover',
  'print',
  'settings',
  'toggleTheme',
  'toggleLocale',
  'help',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export const localeSchema = z.enum(['zh', 'en']);

export const saveFileRequestSchema = z.object({
  /** File name only; main sanitises it again and never trusts a path from the renderer. */
  suggestedName: z.string().min(1).max(200),
  kind: z.enum(['xlsx', 'pdf']),
  data: z.instanceof(Uint8Array).refine((d) => d.byteLength > 0 && d.byteLength < 512 * 1024 * 1024, {
    message: 'file data must be 1 byte to 512 MiB',
  }),
});
export type SaveFileRequest = z.infer<typeof saveFileRequestSchema>;

export type SaveOutcome = { saved: true; path: string } | { saved: false; cancelled: true };

export const printToPdfRequestSchema = z.object({
  suggestedName: z.string().min(1).max(200),
});
export type PrintToPdfRequest = z.infer<typeof printToPdfRequestSchema>;

export interface AppInfo {
  version: string;
  platform: 'electron' | 'web';
  /** Where IndexedDB and settings live; shown in 帮助 → 关于 so staff can back it up. */
  dataDir: string;
}

/** What the preload exposes (as checkpointDesktop on the page); also the shape of the web platform. */
export interface DesktopApi {
  appInfo(): Promise<Result<AppInfo>>;
  setLocale(locale: Locale): Promise<Result<null>>;
  saveFile(req: SaveFileRequest): Promise<Result<SaveOutcome>>;
  print(): Promise<Result<null>>;
  printToPdf(req: PrintToPdfRequest): Promise<Result<SaveOutcome>>;
  /** Returns an unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}
