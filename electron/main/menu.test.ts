import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { MENU_COMMANDS, type MenuCommand } from '../../shared/ipc';
import { COMMAND_KEYS, chordAccelerator } from '../../shared/keyboard';
import { buildContextMenuTemplate, buildMenuTemplate, RENDERER_SHORTCUTS } from './menu';

type Item = MenuItemConstructorOptions;

function flatten(items: Item[]): Item[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);
}

function build(locale: 'zh' | 'en', isPackaged = true) {
  const send = vi.fn<(c: MenuCommand) => void>();
  const onAbout = vi.fn();
  const template = buildMenuTemplate(locale, send, { isPackaged, onAbout });
  return { template, items: flatten(template), send, onAbout };
}

const byLabel = (items: Item[], label: string) => {
  const found = items.find((i) => i.label === label);
  if (!found) throw new Error(`no menu item "${label}"`);
  return found;
};

const click = (item: Item) => (item.click as unknown as () => void)();

describe('buildMenuTemplate', () => {
  it('has 文件/编辑/视图/帮助 in Chinese and File/Edit/View/Help in English', () => {
    expect(build('zh').template.map((m) => m.label)).toEqual(['文件(&F)', '编辑(&E)', '视图(&V)', '帮助(&H)']);
    expect(build('en').template.map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
  });

  it.each([
    ['新登记', 'newVehicle', 'CmdOrCtrl+N'],
    ['添加随车人员', 'addOccupant', 'F2'],
    ['保存登记', 'save', 'CmdOrCtrl+S'],
    ['事件登记', 'incident', 'CmdOrCtrl+I'],
    ['交接班…', 'closeShift', undefined],
    ['导出交接表…', 'exportHandover', 'CmdOrCtrl+E'],
    ['打印…', 'print', 'CmdOrCtrl+P'],
    ['设置…', 'settings', 'CmdOrCtrl+,'],
    ['查找…', 'search', 'CmdOrCtrl+F'],
    ['夜间模式', 'toggleTheme', undefined],
    ['语言：中文 / English', 'toggleLocale', undefined],
    ['快捷键', 'help', 'F1'],
  ] as const)('%s sends %s and shows %s', (label, command, accelerator) => {
    const { items, send } = build('zh');
    const item = byLabel(items, label);
    expect(item.accelerator).toBe(accelerator);
    click(item);
    expect(send).toHaveBeenCalledExactlyOnceWith(command);
  });

  it('shows but does not register the keys the renderer handles, so one press runs once', () => {
    const commandItems = build('zh').items.filter((i) => i.id?.startsWith('command.'));
    const withKeys = commandItems.filter((i) => i.accelerator);
    expect(withKeys.map((i) => i.accelerator).sort()).toEqual(Object.values(RENDERER_SHORTCUTS).sort());
    for (const item of withKeys) expect(item.registerAccelerator).toBe(false);
  });

  it('shows, for every command item, the first key the keyboard table gives that command', () => {
    for (const item of build('en').items.filter((i) => i.id?.startsWith('command.'))) {
      const command = item.id?.slice('command.'.length);
      const first = COMMAND_KEYS.find((b) => b.command === command);
      expect(item.accelerator, command).toBe(first ? chordAccelerator(first.chord) : undefined);
    }
  });

  it('reaches every MenuCommand from the menu', () => {
    const { items, send } = build('en');
    for (const item of items.filter((i) => i.id?.startsWith('command.'))) click(item);
    expect(new Set(send.mock.calls.map(([c]) => c))).toEqual(new Set(MENU_COMMANDS));
  });

  it('uses native roles for editing, zoom, full screen and quit, labelled in the UI language', () => {
    const { items } = build('zh');
    const roles = Object.fromEntries(items.filter((i) => i.role).map((i) => [i.role, i.label]));
    expect(roles).toMatchObject({
      undo: '撤销',
      redo: '重做',
      cut: '剪切',
      copy: '复制',
      paste: '粘贴',
      selectAll: '全选',
      zoomIn: '放大',
      zoomOut: '缩小',
      resetZoom: '实际大小',
      togglefullscreen: '全屏',
      quit: '退出',
    });
    expect(byLabel(build('en').items, 'Zoom in').role).toBe('zoomIn');
  });

  it('offers reload and DevTools only when not packaged', () => {
    expect(build('zh', true).items.some((i) => i.role === 'reload' || i.role === 'toggleDevTools')).toBe(false);
    const dev = build('zh', false).items;
    expect(dev.some((i) => i.role === 'reload')).toBe(true);
    expect(dev.some((i) => i.role === 'toggleDevTools')).toBe(true);
  });

  it('关于 calls onAbout rather than sending a renderer command', () => {
    const { items, send, onAbout } = build('zh');
    click(byLabel(items, '关于卡口登记站'));
    expect(onAbout).toHaveBeenCalledOnce();
    expect(send).not.toHaveBeenCalled();
    byLabel(build('en').items, 'About Checkpoint Station');
  });

  it('has an English label for every item except the language switch', () => {
    for (const item of build('en').items.filter((i) => i.type !== 'separator')) {
      expect(item.label, String(item.role ?? item.id)).toMatch(/^[^\u4e00-\u9fff]*(中文)?[^\u4e00-\u9fff]*$/);
    }
  });
});

describe('buildContextMenuTemplate', () => {
  const flags = { canCut: true, canCopy: false, canPaste: true, canSelectAll: true };
  it('offers cut/copy/paste/select all in inputs, enabled as Chromium says', () => {
    const t = buildContextMenuTemplate('zh', { isEditable: true, selectionText: '', editFlags: flags });
    expect(t.filter((i) => i.role).map((i) => [i.role, i.label, i.enabled])).toEqual([
      ['cut', '剪切', true],
      ['copy', '复制', false],
      ['paste', '粘贴', true],
      ['selectAll', '全选', true],
    ]);
  });
  it('offers copy for selected text and nothing otherwise', () => {
    expect(buildContextMenuTemplate('en', { isEditable: false, selectionText: '粤B12345', editFlags: flags })).toEqual([{ role: 'copy', label: 'Copy' }]);
    expect(buildContextMenuTemplate('en', { isEditable: false, selectionText: ' ', editFlags: flags })).toEqual([]);
  });
});
