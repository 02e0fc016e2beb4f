import { describe, expect, it } from 'vitest';
import { isAllowedNavigation, isAllowedUrl } from './urlPolicy';

describe('isAllowedUrl', () => {
  it.each([
    'app://station/index.html',
    'app://station/assets/index-abc.js',
    'devtools://devtools/bundled/inspector.html',
    'data:image/png;base64,AAAA',
    'blob:app://station/1234-5678',
  ])('allows local %s', (url) => {
    expect(isAllowedUrl(url)).toBe(true);
  });

  it('allows file:// only inside the renderer folder (the one-off migration page), however spelled', () => {
    const fileRoot = 'file:///C:/Program%20Files/%E5%8D%A1%E5%8F%A3/resources/app.asar/out/renderer/';
    expect(isAllowedUrl('file:///C:/Program%20Files/%E5%8D%A1%E5%8F%A3/resources/app.asar/out/renderer/migrate.html', { fileRoot })).toBe(true);
    expect(isAllowedUrl('file:///c:/program files/卡口/resources/app.asar/out/renderer/migrate.html', { fileRoot })).toBe(true);
    expect(isAllowedUrl('file:///C:/Program%20Files/%E5%8D%A1%E5%8F%A3/resources/app.asar/out/renderer-evil/x.html', { fileRoot })).toBe(false);
    expect(isAllowedUrl('file:///C:/Program%20Files/%E5%8D%A1%E5%8F%A3/resources/app.asar/out/renderer/%2e%2e/main/index.js', { fileRoot })).toBe(false);
    expect(isAllowedUrl('file:///C:/Users/booth/Desktop/交接表.xlsx', { fileRoot })).toBe(false);
    expect(isAllowedUrl('file:///etc/passwd', { fileRoot: 'file:///opt/app/out/renderer/' })).toBe(false);
    expect(isAllowedUrl('file:///opt/app/out/renderer/index.html')).toBe(false);
  });

  it.each([
    'https://example.com/',
    'http://127.0.0.1:5173/',
    'ws://127.0.0.1:5173/',
    'ftp://example.com/x',
    'chrome://settings',
    'javascript:alert(1)',
    'app://evil/index.html',
    'file:///opt/checkpoint/resources/app.asar/out/renderer/index.html',
    'not a url',
    '',
  ])('refuses %s without a dev server', (url) => {
    expect(isAllowedUrl(url)).toBe(false);
  });

  it('allows the dev server origin and its HMR websocket, nothing else', () => {
    const dev = { devUrl: 'http://localhost:5173/' };
    expect(isAllowedUrl('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isAllowedUrl('ws://localhost:5173/?token=x', dev)).toBe(true);
    expect(isAllowedUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAllowedUrl('wss://localhost:5173/', dev)).toBe(false);
    expect(isAllowedUrl('https://fonts.googleapis.com/css', dev)).toBe(false);
    expect(isAllowedUrl('http://localhost:5173/', { devUrl: 'not a url' })).toBe(false);
    expect(isAllowedUrl('app://station/', { devUrl: 'javascript:void(0)' })).toBe(true);
  });
});

describe('isAllowedNavigation', () => {
  const app = 'file:///opt/app/out/renderer/index.html';
  it('allows only the app page itself (reload, hash change)', () => {
    expect(isAllowedNavigation(app, app)).toBe(true);
    expect(isAllowedNavigation(`${app}#/settings`, app)).toBe(true);
  });
  it('treats differently encoded spellings of the same Windows path as the same page', () => {
    const installed = 'file:///C:/Users/%E5%BC%A0%E4%B8%89/AppData/Local/Programs/app/resources/app.asar/out/renderer/index.html';
    expect(isAllowedNavigation('file:///c:/Users/张三/AppData/Local/Programs/app/resources/app.asar/out/renderer/index.html', installed)).toBe(true);
    expect(isAllowedNavigation('file:///C:/Users/%E5%BC%A0%E4%B8%89/Desktop/index.html', installed)).toBe(false);
    expect(isAllowedNavigation('file:///OPT/APP/OUT/RENDERER/INDEX.HTML', app)).toBe(false);
    expect(isAllowedNavigation(`${app}?x=1`, app)).toBe(false);
  });

  it('refuses dropped files, other local pages and the web', () => {
    expect(isAllowedNavigation('file:///home/booth/交接表.xlsx', app)).toBe(false);
    expect(isAllowedNavigation('file:///opt/app/out/renderer/other.html', app)).toBe(false);
    expect(isAllowedNavigation('https://example.com/', app)).toBe(false);
    expect(isAllowedNavigation('garbage', app)).toBe(false);
  });
  it('in development allows any page of the dev server only', () => {
    const dev = 'http://localhost:5173/';
    expect(isAllowedNavigation('http://localhost:5173/index.html', dev)).toBe(true);
    expect(isAllowedNavigation('http://evil.test:5173/', dev)).toBe(false);
    expect(isAllowedNavigation('file:///etc/passwd', dev)).toBe(false);
  });
});

describe('isAllowedNavigation at app://station', () => {
  const app = 'app://station/index.html';
  it('allows the app origin (reload, hash) and nothing else', () => {
    expect(isAllowedNavigation(app, app)).toBe(true);
    expect(isAllowedNavigation('app://station/#/settings', app)).toBe(true);
    expect(isAllowedNavigation('app://other/index.html', app)).toBe(false);
    expect(isAllowedNavigation('file:///home/booth/交接表.xlsx', app)).toBe(false);
    expect(isAllowedNavigation('https://example.com/', app)).toBe(false);
  });
});
