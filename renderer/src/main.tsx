import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { en, zh } from '../../shared/i18n/strings';
import { App } from './app/App';
import { carryOverFromOldOrigin } from './app/originImport';
import { openDb } from './db';
import { getPlatform } from './platform/platform';
import './styles.css';

/** Both languages: the saved UI language is in the database that is still on its way. */
function notice(zhText: string, enText: string): HTMLElement {
  const box = document.createElement('div');
  box.className = 'origin-migrating';
  box.setAttribute('role', 'status');
  for (const [lang, text] of [['zh-CN', zhText], ['en', enText]] as const) {
    const line = document.createElement('p');
    line.lang = lang;
    line.textContent = text;
    box.append(line);
  }
  return box;
}

async function start(root: HTMLElement): Promise<void> {
  const platform = getPlatform();
  // Desktop only, and only on the first start after the move to app://station; before the app
  // reads its database so it never shows an empty booth while the data is on its way.
  if (platform.kind === 'electron') {
    const moved = await carryOverFromOldOrigin(openDb(), platform, () => root.replaceChildren(notice(zh.originMigrating, en.originMigrating)));
    if (moved === 'failed') {
      root.replaceChildren(notice(zh.originMigrationFailed, en.originMigrationFailed));
      return;
    }
    root.replaceChildren();
  }
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

const root = document.getElementById('root');
if (root) void start(root);
