// 布控名单 end to end in Chromium's real IndexedDB: a list file with the usual problems is read in
// the worker, its header and columns are detected and one mapping is changed, the preview lists
// the problems by row, the list is stored and read back through the list of lists; a newer GBK
// .csv version replaces it with its counts; the list is retired. Staff without the permission see
// the lists but cannot import.
import { expect, test } from '@playwright/test';
import { BoothPage } from './pages/BoothPage';
import { actAs, chooseListFile, columnChoice, expectListRow, listCells, openWatchlists, retireList, setColumn, storeList, watchlistDialog, type ListFileUpload } from './pages/watchlistFlows';
import { csvOf, gbkBytes, listId, listPhone, xlsxOf, type Aoa } from '../../shared/watchlist/testFiles';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function messyList(): ListFileUpload {
  const aoa: Aoa = [
    ['关于做好返乡重点人员核查工作的通知 附件1'],
    ['序号', '姓 名', '公民身份号码', '联系电话', '号牌号码', '来自', '备注'],
    [1, '张三', listId(1), listPhone(1), '川Ａ１２３４５', '湖北武汉', '返乡'],
    [2, '李四', listId(2), listPhone(2), '', '湖北孝感', ''],
    [3, '王五', 5.10722198001011e17, listPhone(3), '', '湖北孝感', ''],
    [4, '赵六', '510722198001011235', '12345', '', '温州', ''],
    [5, '张三', listId(1), listPhone(1), '', '', ''],
  ];
  const buffer = Buffer.from(xlsxOf({ 名单: aoa }, { 名单: [{ s: { r: 0, c: 0 }, e: { r: 0, c: 6 } }] }));
  return { name: '返乡人员核查名单.xlsx', mimeType: XLSX_MIME, buffer };
}

function newerCsv(): ListFileUpload {
  // v2 as Chinese Excel saves "CSV": GBK. 张三 unchanged, 李四 dropped, 孙七 new.
  const aoa: Aoa = [['姓名', '身份证号', '手机号', '车牌号', '来源地', '备注'], ['张三', listId(1), listPhone(1), '川A12345', '湖北武汉', '返乡'], ['孙七', listId(7), listPhone(7), '', '温州', '']];
  return { name: '返乡人员核查名单-0220.csv', mimeType: 'text/csv', buffer: Buffer.from(gbkBytes(csvOf(aoa))) };
}

test('a lead imports a messy list with its problems previewed, replaces it with a GBK csv, and retires it', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const booth = await BoothPage.withOpenShift(page);

  // The health worker acting by default may look but not import.
  let dialog = await openWatchlists(booth);
  await expect(dialog.getByText(/只有带班领导或管理员/)).toBeVisible();
  await expect(dialog.getByRole('button', { name: '导入新名单' })).toHaveCount(0);
  await booth.press('Escape');
  await expect(dialog).toBeHidden();

  await actAs(booth, '岳阳');
  dialog = await openWatchlists(booth);
  await expect(dialog.getByText('还没有导入任何布控名单')).toBeVisible();
  await chooseListFile(booth, messyList());

  // Header found under the title row; columns mapped from their names.
  await expect(dialog.getByRole('spinbutton', { name: '表头在第几行' })).toHaveValue('2');
  await expect(columnChoice(dialog, 'A')).toHaveValue('');
  await expect(columnChoice(dialog, 'C')).toHaveValue('idNumber');
  await expect(columnChoice(dialog, 'D')).toHaveValue('phone');
  await expect(columnChoice(dialog, 'E')).toHaveValue('plate');
  await expect(dialog.getByTestId('wl-totals')).toHaveText('读取 5 行 → 3 个条目；合并重复 1 行；有问题 2 行；未导入 1 行');
  const problems = dialog.getByTestId('wl-problems');
  await expect(problems.getByRole('row').filter({ hasText: '名单!5' })).toContainText('身份证号被 Excel 存成了数字');
  await expect(problems.getByRole('row').filter({ hasText: '名单!6' }).first()).toContainText('校验位不对');
  await expect(problems.getByRole('row').filter({ hasText: '名单!7' })).toContainText('与第 3 行重复，已合并');

  // The operator leaves the phone column out: 王五, listed only by his phone now, is not imported.
  await setColumn(booth, dialog, 'D', '不导入');
  await expect(dialog.getByTestId('wl-totals')).toHaveText('读取 5 行 → 2 个条目；合并重复 1 行；有问题 2 行；未导入 2 行');
  await setColumn(booth, dialog, 'D', '手机号');
  await expect(dialog.getByTestId('wl-totals')).toContainText('未导入 1 行');

  const stored = await storeList(booth, { name: '返乡人员核查名单', source: '县数据专班', issuedOn: '2020-02-19' });
  expect(stored).toContain('已保存“返乡人员核查名单”第 1 版：新增 3');
  await expectListRow(dialog, '返乡人员核查名单', ['返乡人员核查名单', '县数据专班', '2020-02-19', '第 1 版', '3', '0', '0', '0', '3', '使用中', '更新版本停用']);
  await expect(listCells(dialog, '返乡人员核查名单')).toHaveCount(11);

  // Closed and opened again (read back from IndexedDB), then a newer version replaces it.
  await booth.press('Escape');
  dialog = await openWatchlists(booth);
  await chooseListFile(booth, newerCsv(), { list: '返乡人员核查名单' });
  await expect(dialog.getByTestId('wl-file')).toContainText('编码 GBK');
  await expect(dialog.getByTestId('wl-version-counts')).toHaveText('新增 1，移除 2，不变 1，信息更新 0');
  await dialog.getByRole('radio', { name: /^追加/ }).check();
  await expect(dialog.getByTestId('wl-version-counts')).toHaveText('新增 1，移除 0，不变 1，信息更新 0');
  const v2 = await storeList(booth, { issuedOn: '2020-02-20', mode: 'replace' });
  expect(v2).toContain('第 2 版：新增 1，移除 2，不变 1');
  // Two entries listed now, two dropped by the replace (kept, no longer alerting): all four not met yet.
  await expectListRow(dialog, '返乡人员核查名单', ['返乡人员核查名单', '县数据专班', '2020-02-20', '第 2 版', '2', '2', '0', '0', '4']);
  if (process.env.SCREENSHOTS) await page.screenshot({ path: 'docs/screenshots/watchlist-lists-1366x768-day.png' });

  await retireList(booth, '返乡人员核查名单');
  await expect(listCells(dialog, '返乡人员核查名单').nth(9)).toHaveText('已停用');
  await expect(dialog.getByRole('row').filter({ hasText: '返乡人员核查名单' }).getByRole('button')).toHaveCount(0);
});

test('a file that is not a list says why and stores nothing', async ({ page }) => {
  const booth = await BoothPage.withOpenShift(page);
  await actAs(booth, '岳阳');
  const dialog = await openWatchlists(booth);
  await booth.click(dialog.getByRole('button', { name: '导入新名单' }));
  await dialog.locator('input[type=file]').setInputFiles({ name: 'notes.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 not a list') });
  await expect(dialog.getByRole('alert')).toContainText('只能导入 .xlsx、.xls 或 .csv 文件');
  await dialog.locator('input[type=file]').setInputFiles({ name: '统计.xlsx', mimeType: XLSX_MIME, buffer: Buffer.from(xlsxOf({ S: [['日期', '车流量'], ['2020-02-01', 300]] })) });
  await expect(dialog.getByText(/未找到表头/)).toBeVisible();
  await expect(dialog.getByTestId('wl-totals')).toContainText('0 个条目');
  await booth.press('Control+s');
  await expect(watchlistDialog(booth).getByRole('alert').filter({ hasText: '没有可导入的条目' })).toBeVisible();
});

for (const width of [1366, 1024]) {
  for (const theme of ['day', 'night'] as const) {
    test(`the import preview is usable at ${width}×768 (${theme})`, async ({ page }) => {
      await page.setViewportSize({ width, height: 768 });
      const booth = await BoothPage.withOpenShift(page);
      if (theme === 'night') await booth.toggleTheme();
      await actAs(booth, '岳阳');
      const dialog = await openWatchlists(booth);
      await chooseListFile(booth, messyList());
      const box = await dialog.boundingBox();
      expect(box && box.width <= width && box.height <= 768).toBe(true);
      // The dialog scrolls inside itself; nothing sticks out sideways.
      expect(await dialog.evaluate((d) => d.scrollWidth - d.clientWidth)).toBeLessThanOrEqual(0);
      if (process.env.SCREENSHOTS) await page.screenshot({ path: `docs/screenshots/watchlist-import-${width}x768-${theme}.png` });
      await dialog.getByTestId('wl-problems').scrollIntoViewIfNeeded();
      await dialog.getByLabel('名单名称').scrollIntoViewIfNeeded();
      if (process.env.SCREENSHOTS) await page.screenshot({ path: `docs/screenshots/watchlist-preview-${width}x768-${theme}.png` });
    });
  }
}
