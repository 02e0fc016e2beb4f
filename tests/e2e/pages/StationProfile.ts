// A booth PC as the reliability tests need it: Chromium with its own persistent profile on disk
// (launchPersistentContext + a temp user-data-dir), killed with SIGKILL like a power cut, and its
// IndexedDB files reachable for damage. Flows on the booth and recovery screens live here too.
import { chromium, expect, type BrowserContext, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { BoothPage, residentId } from './BoothPage';

export const PORT = Number(process.env.E2E_PORT ?? 5184);
export const ORIGIN = `http://127.0.0.1:${PORT}`;
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The same seed gives the same kills on every run. */
export { seeded } from '../../../shared/testing/seeded';

export const newProfileDir = () => mkdtemp(path.join(os.tmpdir(), 'checkpoint-profile-'));

export class StationProfile {
  context: BrowserContext | undefined;
  page!: Page;
  booth!: BoothPage;

  constructor(
    readonly dir: string,
    readonly dbName = 'reliab',
  ) {}

  async launch(): Promise<Page> {
    this.context = await chromium.launchPersistentContext(this.dir, {
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      baseURL: `${ORIGIN}/`,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 1366, height: 768 },
    });
    this.page = this.context.pages()[0] ?? (await this.context.newPage());
    this.booth = new BoothPage(this.page);
    await this.booth.goto(this.dbName);
    return this.page;
  }

  /** The browser's own process (not a renderer or GPU helper): the one holding this profile. */
  browserPid(): number {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      let cmd: string;
      try {
        cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      } catch {
        continue;
      }
      const args = cmd.split('\0');
      if (args.some((a) => a === `--user-data-dir=${this.dir}`) && !args.some((a) => a.startsWith('--type='))) return Number(entry);
    }
    throw new Error(`no browser process for ${this.dir}`);
  }

  /** SIGKILL: no unload handlers, no IndexedDB close, no flush — as a power cut looks to the app. */
  async kill(): Promise<void> {
    const pid = this.browserPid();
    process.kill(pid, 'SIGKILL');
    await this.context?.close().catch(() => undefined);
    this.context = undefined;
    // Wait until the process is gone so the next launch does not meet the profile lock.
    for (let i = 0; i < 100; i++) {
      try {
        process.kill(pid, 0);
      } catch {
        return;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async close(): Promise<void> {
    await this.context?.close();
    this.context = undefined;
  }

  /** Chromium's LevelDB folder for this origin's IndexedDB. */
  leveldbDir(): string {
    const base = path.join(this.dir, 'Default', 'IndexedDB');
    const found = readdirSync(base).find((d) => d.startsWith('http_127.0.0.1_') && d.endsWith('.indexeddb.leveldb'));
    if (!found) throw new Error(`no IndexedDB folder in ${base}: ${readdirSync(base).join(', ')}`);
    return path.join(base, found);
  }

  async openShift(): Promise<void> {
    await this.booth.openShiftByKeyboard({ checkpoint: '南江南高速出口卡点', lead: '岳阳', staff: '王医生' });
  }

  /**
   * After a restart (or a restore) nobody is signed in: the health worker signs in again at the
   * lock screen — with the PIN set at 开班, or, where a restore rebuilt the shift without PIN
   * hashes, by setting it again.
   */
  async unlock(): Promise<void> {
    this.booth.pins['王医生'] ??= '1357';
    await this.booth.unlock('王医生');
  }

  /** Fills a one-person home-province vehicle and presses Ctrl+S, without waiting for the answer. */
  async fillAndSave(n: number): Promise<string> {
    const p = this.page;
    const body = `A${String(10000 + n)}`;
    await p.getByLabel('车牌号', { exact: true }).fill(body.toLowerCase());
    await p.getByLabel('来自何地').fill('成都');
    await p.getByLabel('去往何地').fill('南江县城');
    await p.getByLabel('姓名', { exact: true }).fill(`乘客${n}`);
    await p.getByLabel('证件号码').fill(residentId('510722', '19900101', String(100 + (n % 900)).padStart(3, '0')));
    await p.getByLabel('联系电话').fill(`1380013${String(n).padStart(4, '0')}`);
    await p.getByLabel('体温 ℃').fill('36.5');
    await p.keyboard.press('Control+s');
    return `川${body}`;
  }

  /** A confirmed save: the booth said 已保存. */
  async register(n: number): Promise<string> {
    const plate = await this.fillAndSave(n);
    await this.booth.expectSaved(plate, 1);
    return plate;
  }

  /** Every plate is in today's list, and the counter says exactly this many vehicles. */
  async expectVehicles(plates: readonly string[]): Promise<void> {
    await expect(this.page.getByTestId('shift-counts')).toHaveText(`车辆 ${plates.length} 辆 · 人员 ${plates.length} 人`);
    for (const plate of plates) await expect(this.booth.todayRow(plate)).toBeVisible();
  }

  /**
   * After a restart: which screen came up — the booth, or the recovery screen (with what it says
   * IndexedDB and the journal hold). The booth of an open shift first asks who is there (the lock
   * screen, access): the health worker signs in here, so 'booth' means the booth itself. Fails with
   * the page's text when none shows, so a hang or a crash screen reads as what it is. After a
   * restore from the recovery screen the caller signs in (unlock).
   */
  async startScreen(): Promise<{ kind: 'booth' } | { kind: 'recovery'; db: string; journal: string }> {
    const booth = this.booth.plateInput();
    const recovery = this.recoveryScreen();
    const lock = this.booth.lockScreen();
    try {
      await expect(booth.or(recovery).or(lock)).toBeVisible({ timeout: 20_000 });
    } catch (e) {
      const text = await this.page.locator('body').innerText().catch(() => '(no page)');
      throw new Error(`after the restart neither the booth nor the recovery screen showed; the page says: ${text.slice(0, 500)}`, { cause: e });
    }
    if (await lock.isVisible()) {
      await this.unlock();
      return { kind: 'booth' };
    }
    if (await booth.isVisible()) return { kind: 'booth' };
    return {
      kind: 'recovery',
      db: (await this.page.getByTestId('recovery-db').textContent()) ?? '',
      journal: (await this.page.getByTestId('recovery-journal').textContent()) ?? '',
    };
  }

  recoveryScreen() {
    return this.page.getByTestId('recovery');
  }

  /** 从备份日志恢复 → the result (counts + checksum read back from IndexedDB) → 进入系统. */
  async restoreFromJournal(expected: { vehicles: number; persons: number }): Promise<string> {
    const p = this.page;
    await expect(p.getByRole('heading', { name: '数据恢复' })).toBeVisible();
    await p.getByRole('button', { name: '从备份日志恢复' }).click();
    const result = p.getByTestId('recovery-result');
    await expect(result).toContainText(`车辆 ${expected.vehicles} · 人员 ${expected.persons}`);
    await expect(p.getByTestId('recovery-hash')).toContainText('与备份一致');
    const text = (await p.getByTestId('recovery-hash').textContent()) ?? '';
    await p.getByRole('button', { name: '进入系统' }).click();
    return text;
  }
}
