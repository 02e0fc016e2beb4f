import { describe, expect, it } from 'vitest';
import { aboutContent } from './about';

describe('aboutContent', () => {
  const info = { version: '0.1.0', dataDir: 'D:\\卡口\\数据', electron: '45.4.1' };
  it('shows version and data folder in Chinese', () => {
    const c = aboutContent('zh', info);
    expect(c.detail).toContain('0.1.0');
    expect(c.detail).toContain('D:\\卡口\\数据');
    expect(c.buttons).toEqual(['确定', '打开数据文件夹']);
  });
  it('and in English', () => {
    const c = aboutContent('en', info);
    expect(c.detail).toContain('Data folder: D:\\卡口\\数据');
    expect(c.buttons[1]).toBe('Open data folder');
  });
});
