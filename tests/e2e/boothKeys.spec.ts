// Issue 7, booth items 6, 8, 12, 15, 16, 17: dialogs own the keyboard, focus comes back, the
// half-typed vehicle survives a reload, Enter never traps, targets for gloves, one key table.
import { expect, test } from '@playwright/test';
import { COMMAND_KEYS, FIELD_KEYS, chordLabel } from '../../shared/keyboard';
import { zh } from '../../shared/i18n/strings';
import { BoothPage, residentId, type VehicleEntry } from './pages/BoothPage';
import { actAs } from './pages/privacyFlows';

const CAR: VehicleEntry = {
  plate: 'a12345',
  origin: '巴中',
  destination: '南江',
  people: [{ name: '张三', id: residentId('510722', '19850312', '123'), phone: '13800138000', temp: '36.5' }],
};

test('an open dialog owns the keyboard: Ctrl+S saves the incident, Enter confirms it, and the complete vehicle behind stays unsaved', async ({ page }) => {
  const booth = await BoothPage.withOpenShift(page);
  await booth.registerVehicle(CAR, { save: false });
  const name = page.getByLabel('姓名', { exact: true });
  await name.focus();

  await booth.press('Control+i');
  const dialog = page.getByRole('dialog', { name: '事件登记' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('经过描述').fill('拒不停车');
  await booth.press('Control+s');
  await expect(dialog.getByRole('status')).toHaveText('事件已保存');
  await expect(dialog.getByRole('listitem')).toHaveCount(1);
  // Enter in the description confirms the second incident (Shift+Enter would start a new line).
  await dialog.getByLabel('经过描述').fill('辱骂工作人员');
  await booth.press('Enter');
  await expect(dialog.getByRole('listitem')).toHaveCount(2);
  // Nothing happened behind the dialog: no vehicle saved, no "fix errors" message.
  await expect(booth.saveStatus()).toHaveText('');
  await expect(page.getByTestId('shift-counts')).toHaveText('车辆 0 辆 · 人员 0 人');
  // Other commands do not reach the screen behind either.
  await booth.press('Control+,');
  await expect(page.getByRole('dialog', { name: '设置' })).toHaveCount(0);

  await booth.press('Escape');
  await expect(dialog).toBeHidden();
  // Focus returns to the field being edited (item 8), and the vehicle is still there to save.
  await expect(name).toBeFocused();
  await booth.press('Control+s');
  await booth.expectSaved('川A12345', 1);
});

test('Ctrl+S in settings saves the settings, not the registration form behind', async ({ page }) => {
  const booth = new BoothPage(page);
  await booth.goto();
  // Settings are the administrator's (access).
  await booth.openShift({ signInAs: 'admin' });
  await booth.type('a1'); // a half-typed plate: saving the form now would say "fix N fields"
  await booth.press('Control+,');
  const dialog = page.getByRole('dialog', { name: '设置' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('发热标准 ℃').fill('37.5');
  await booth.press('Control+s');
  await expect(dialog).toBeHidden();
  await expect(booth.saveStatus()).toHaveText('');
  await expect(booth.plateInput()).toBeFocused();
  await expect(booth.plateInput()).toHaveValue('a1');
});

test('focus returns to the plate after the record, void, help and settings dialogs close', async ({ page }) => {
  const booth = await BoothPage.withOpenShift(page, { signInAs: 'admin' });
  await booth.registerVehicle(CAR);

  // Record dialog, opened from today's list and closed with Esc.
  await booth.openRecord('川A12345');
  await booth.press('Escape');
  await expect(booth.plateInput()).toBeFocused();

  // Void: Enter confirms the reason, the dialog closes, focus is back on the plate.
  const record = await booth.openRecord('川A12345');
  await booth.click(record.getByRole('button', { name: '作废' }));
  await booth.expectFocusOn('作废原因');
  await booth.type('重复登记');
  await booth.press('Enter');
  await expect(record).toBeHidden();
  await expect(booth.todayRow('川A12345')).toContainText('已作废');
  await expect(booth.plateInput()).toBeFocused();

  // (Settings is opened from the 更多 menu here: after a synthetic Ctrl+, Chromium drops the next
  // typed characters in the test driver, whatever the page does; a real keyboard is unaffected.)
  for (const key of ['F1', 'Control+i', 'settings']) {
    if (key === 'settings') {
      await booth.chooseMore(/^设置/);
      await expect(page.getByRole('dialog')).toBeVisible();
      await booth.press('Escape');
      await expect(booth.plateInput(), key).toBeFocused();
      continue;
    }
    await booth.press(key);
    await expect(page.getByRole('dialog')).toBeVisible();
    await booth.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(booth.plateInput(), key).toBeFocused();
  }
  // The next keys land in the plate.
  await booth.type('b1');
  await expect(booth.plateInput()).toHaveValue('b1');
});

test('a half-typed vehicle is kept on disk as typed, restored after a reload with a notice, and closing asks first', async ({ page }) => {
  const booth = new BoothPage(page);
  await booth.goto(`draft-${Date.now()}`);
  await booth.openShift();
  await booth.enterVehicle({ ...CAR, plate: 'yue b54321' });
  await booth.type('李');
  // The write is on disk before the page goes (the row is in IndexedDB's settings store).
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          new Promise<string>((resolve) => {
            const req = indexedDB.open(`checkpoint-station-${new URLSearchParams(location.search).get('db')}`);
            req.onsuccess = () => {
              const r = req.result.transaction('settings').objectStore('settings').get('boothDraft');
              r.onsuccess = () => {
                resolve(JSON.stringify((r.result as { value?: { draft?: { occupants?: { name: string }[] } } } | undefined)?.value?.draft?.occupants?.[0]?.name ?? ''));
                req.result.close();
              };
            };
          }),
      ),
    )
    .toBe('"李"');

  // Leaving with unsaved input asks first (beforeunload).
  const asked: string[] = [];
  page.on('dialog', (d) => {
    asked.push(d.type());
    void d.accept();
  });
  await page.reload();
  expect(asked).toEqual(['beforeunload']);

  await expect(booth.saveStatus()).toContainText('已恢复上次未保存的登记');
  await expect(booth.plateInput()).toHaveValue('yue b54321');
  await expect(page.getByLabel('来自何地')).toHaveValue('巴中');
  await expect(page.getByLabel('姓名', { exact: true })).toHaveValue('李');

  // Saved, the draft is gone: a reload restores nothing and does not ask.
  await page.getByLabel('姓名', { exact: true }).fill('李四');
  await page.getByLabel('证件号码').fill(CAR.people[0]!.id);
  await page.getByLabel('联系电话').fill('13800138000');
  await page.getByLabel('体温 ℃').fill('36.6');
  await page.keyboard.press('Control+s');
  await booth.expectSaved('粤B54321', 1);
  await page.reload();
  expect(asked).toEqual(['beforeunload']);
  await expect(booth.plateInput()).toHaveValue('');
  await expect(booth.saveStatus()).toHaveText('');
});

test('Enter never traps: after a temperature it goes to the next person or adds one, and an empty added line is not saved', async ({ page }) => {
  const booth = await BoothPage.withOpenShift(page);
  await booth.enterVehicle(CAR);
  await booth.fill('张三');
  await booth.fill(CAR.people[0]!.id);
  await booth.fill('13800138000');
  await booth.type('36.5');
  await booth.press('Enter');
  // Not 备注, not 保存: a new passenger line, cursor on its name.
  await expect(page.locator('section.occupant')).toHaveCount(2);
  await expect(page.locator('input[name="occupants.1.name"]')).toBeFocused();
  await expect(page.getByLabel('备注')).not.toBeFocused();
  // The operator decides there is no passenger: the empty line is not a person and not an error.
  await booth.press('Control+s');
  await booth.expectSaved('川A12345', 1);
});

test('gloves and darkness: targets at least 40 px high, dark native controls at night, export focus not on the full-ID box', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const booth = await BoothPage.withOpenShift(page);
  await booth.enterVehicle({ ...CAR, plate: 'e a12345', origin: '武汉', keyArea: true });
  await booth.fill('李四');
  await booth.fill('34052419800101001X');
  await booth.fill('');
  await booth.type('37.9');
  const small = await page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('button, input, select, summary, .choice-options label, .field.check'))
      .filter((el) => el.offsetParent !== null && !el.closest('.sr-only') && (el as HTMLInputElement).type !== 'checkbox' && (el as HTMLInputElement).type !== 'radio')
      .map((el) => ({ what: el.outerHTML.slice(0, 80), h: el.getBoundingClientRect().height }))
      .filter((x) => x.h < 40),
  );
  expect(small).toEqual([]);

  await booth.toggleTheme();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'night');
  expect(await page.locator('input[type=checkbox]').first().evaluate((el) => getComputedStyle(el).colorScheme)).toBe('dark');

  // The full-ID box is offered to the shift's lead only (the default operator is the health worker).
  await actAs(booth, '岳阳');
  await booth.press('Control+e');
  await expect(booth.exportDialog()).toBeVisible();
  await expect(booth.focused()).toHaveText('导出');
  // A stray Space presses the export button, never ticks the full-ID box.
  await expect(page.getByLabel('导出完整证件号码和电话（仅供卫健部门）')).not.toBeChecked();
});

test('F1 lists every key of the one keyboard table, and the buttons name the same keys', async ({ page }) => {
  const booth = await BoothPage.withOpenShift(page);
  await booth.press('F1');
  const help = page.getByRole('dialog', { name: '快捷键' });
  await expect(help).toBeVisible();
  const text = (await help.textContent()) ?? '';
  for (const b of COMMAND_KEYS) {
    expect(text).toContain(chordLabel(b.chord));
    expect(text).toContain(zh[b.help]);
  }
  for (const f of FIELD_KEYS) expect(text).toContain(zh[f.help]);
  for (const keys of ['Esc Esc', 'Space', 'F9', 'Ctrl+Enter', 'Tab']) expect(text).toContain(keys);
  await booth.press('Escape');
  await expect(booth.topbarButton('事件登记 (Ctrl+I)')).toBeVisible();
  // F9 and Ctrl+Enter save, as the table says.
  await booth.registerVehicle(CAR, { save: false });
  await booth.press('F9');
  await booth.expectSaved('川A12345', 1);
  await booth.registerVehicle({ ...CAR, plate: 'a12346' }, { save: false });
  await booth.press('Control+Enter');
  await booth.expectSaved('川A12346', 1);
});
