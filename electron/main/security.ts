// Applies urlPolicy to Electron: every web contents (including any the app never meant to
// create) gets the same rules, and the default session refuses permissions and remote requests.
import type { Session, WebContents } from 'electron';
import { isAllowedNavigation, isAllowedUrl, type UrlPolicy } from './urlPolicy';

/**
 * The one permission granted: persistent storage keeps Chromium from evicting IndexedDB (the
 * day's registrations) when the disk runs low. Everything else — camera, notifications,
 * clipboard reads, geolocation… — is refused.
 */
export const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set(['persistent-storage']);

export function hardenSession(session: Session, policy: UrlPolicy): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(GRANTED_PERMISSIONS.has(permission)));
  session.setPermissionCheckHandler((_contents, permission) => GRANTED_PERMISSIONS.has(permission));
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedUrl(details.url, policy);
    if (!allowed) console.warn(`[security] blocked request: ${details.url}`);
    callback({ cancel: !allowed });
  });
}

/** Call from app.on('web-contents-created') so it also covers contents created later. */
export function hardenWebContents(contents: WebContents, appUrl: string): void {
  contents.setWindowOpenHandler(({ url }) => {
    console.warn(`[security] blocked window.open: ${url}`);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => {
    if (!isAllowedNavigation(event.url, appUrl)) {
      console.warn(`[security] blocked navigation: ${event.url}`);
      event.preventDefault();
    }
  });
  // Also covers sub-frames (the app has none: any frame is an injected one) and navigations
  // will-navigate does not report.
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame || !isAllowedNavigation(event.url, appUrl)) {
      console.warn(`[security] blocked frame navigation: ${event.url}`);
      event.preventDefault();
    }
  });
  // The app's own scheme never redirects; a redirect can only lead somewhere else.
  contents.on('will-redirect', (event) => {
    if (!isAllowedNavigation(event.url, appUrl)) {
      console.warn(`[security] blocked redirect: ${event.url}`);
      event.preventDefault();
    }
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
