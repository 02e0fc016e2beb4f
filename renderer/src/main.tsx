import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { en, zh } from '../../shared/i18n/strings';
import { App } from './app/App';
import { carryOverFromOldOrigin } from './app/originImport';
import { openDb } from './db';
import { getPlatform } from './platform/platform';
import './styles.css';

async function start(root: HTMLElement): Promise<void> {
  const platform = getPlatform();
  // Desktop only, and only on the first start after the move to app://station; before the app
  // reads its database so it never shows an empty booth while the data is on its way.
  if (platform.kind === 'electron') {
    await carryOverFromOldOrigin(openDb(), platform, () => {
      root.textContent = `${zh.originMigrating}\n${en.originMigrating}`;
    });
    root.textContent = '';
  }
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

const root = document.getElementById('root');
if (root) void start(root);
