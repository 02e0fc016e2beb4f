// The Platform type on its own, so the two implementations depend on it and not on the module
// that chooses between them (platform.ts imports both: no import cycle).
import type { DesktopApi } from '../../../shared/ipc';

export interface Platform extends DesktopApi {
  kind: 'electron' | 'web';
}
