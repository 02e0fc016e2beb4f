// Who may see what (issue 12, masking): after a whole shift, no screen shows a full resident ID or
// phone — neither in fields nor in free text; a lead reveals one record's numbers with a reason,
// for 30 s, audited; staff are not offered it; search beyond the shift and exports are audited.
import { expect, test } from '@playwright/test';
import { BoothPage, residentId } from './pages/BoothPage';
import { completeRecheckFromList } from './pages/shiftFlows';
import { actAs, auditEntries, expectNoneOf, recordIncident, revealInRecord, search, searchBeyondButton, visibleText } from './pages/privacyFlows';
import { maskId, maskPhone } from '../../shared/privacy/mask';

const ID1 = residentId('510722', '19850101', '123');
const ID2 = residentId('420102', '19900315', '045');
const ID3 = residentId('511302', '19920715', '022');
const ID4 = residentId('510107', '19770203', '031');
const ID_IN_TEXT = '34052419800101001X';
const PHONE1 = '13812345678';
const PHONE2 = '13987654321';
const PHONE4 = '15011112222';
const SECRETS = [ID1, ID2, ID3, ID4, ID_IN_TEXT, PHONE1, PHONE2, PHONE4, '13312345678', '13712345678', '13612340000', '13512345678', '+85291234567', '91234567'];

/** A family car: a contact with a phone in it, and a Hong Kong number beside a mainland one. */
const familyCar = () => ({
  plate: 'a12345',
  origin: '巴中',
  destination: '南江',
  contact: '母亲 13312345678',
  people: [
    { name: '张三', id: ID1, phone: PHONE1, temp: '36.5' },
    { name: '陈小', id: ID3, phone: '+852 9123 4567', temp: '36.6' },
  ],
});
const newDb = (tag: string) => `e2e-${tag}-${Date.now()}-${Math.floor(Math.random() * 1e6)}`;

test('a whole shift: no screen shows a full ID number or phone, in fields or in free text', async ({ page }) => {
  test.setTimeout(180_000);
  const booth = new BoothPage(page);
  await booth.goto(newDb('masked'));
  await booth.openShift({ checkpoint: '南江南高速出口卡点', lead: '岳阳', staff: '王医生' });
  const check = async (where: string) => expectNoneOf(await visibleText(booth), SECRETS, where);

  // Several vehicles: a contact with a phone in it, a Hong Kong number, a confirmed fever, a 待复测.
  await booth.registerVehicle(familyCar());
  await booth.registerVehicle({ plate: 'e a54321', origin: '武汉', destination: '南江', keyArea: true, people: [{ name: '李四', id: ID2, phone: PHONE2, temp: '38.2', recheck: '38.0', disposition: 3 }] });
  await booth.registerVehicle({ plate: 'b24680', origin: '巴中', destination: '南江', people: [{ name: '王五', id: ID4, phone: PHONE4, temp: '37.8', awaitRecheck: true }] });
  await check('booth after three vehicles');

  // A correction whose remarks and reason carry phone numbers.
  await booth.correctRecord('川A12345', () => page.getByLabel('备注').fill('司机电话 137-1234-5678'), '补记电话 13612340000');
  await check('booth after a correction');

  // The recheck from the 待复测 queue.
  await completeRecheckFromList(booth, { temp: '36.8' });
  await expect(page.getByTestId('recheck-row')).toHaveCount(0);
  await check('booth after the recheck');

  // An incident with an ID and a phone in its description: the list in the dialog masks them.
  const incident = await recordIncident(booth, { kindDigit: 3, plate: 'a12345', description: `司机 ${ID_IN_TEXT} 拒绝测温，留电话 13512345678` });
  await expect(incident.getByRole('listitem').first()).toContainText('340524********001X');
  await check('incident dialog');
  await booth.press('Escape');

  // The record dialog: IDs and phones masked, the corrected remarks and the reason too.
  const record = await booth.openRecord('川A12345');
  await expect(record.getByTestId('person-doc').first()).toHaveText(maskId(ID1));
  await expect(record.getByTestId('person-phone').first()).toHaveText(maskPhone(PHONE1));
  await expect(record.getByTestId('person-phone').nth(1)).toHaveText('+852****4567');
  await expect(record).toContainText('司机电话 137-****-5678');
  await expect(record).toContainText('补记电话 136****0000');
  await expect(record).toContainText('母亲 133****5678');
  await check('record dialog');
  await booth.press('Escape');
  await booth.openRecord('鄂A54321');
  await check('record dialog of the fever case');
  await booth.press('Escape');

  // Search by the last digits of an ID and by name: the results and the search box.
  await search(booth, ID1.slice(-4));
  await expect(booth.todayRow('川A12345')).toBeVisible();
  await check('search results (ID end)');
  await search(booth, '李四');
  await expect(booth.todayRow('鄂A54321')).toBeVisible();
  await check('search results (name)');
  await page.getByLabel(/^查找/).fill('');

  // The print preview of the handover.
  await booth.press('Control+p');
  const print = page.getByRole('dialog', { name: '打印交接表' });
  await expect(print.getByRole('article')).toContainText('李四');
  await check('print preview');
  await booth.press('Escape');

  // The 交接班 dialog (fever cases, incidents).
  await booth.topbarButton('交接班').click();
  await expect(booth.closeShiftDialog()).toBeVisible();
  await check('close-shift dialog');
  await booth.press('Escape');

  // The supervisor's day view.
  await booth.openSupervisor();
  await check('day view');
});

test('a lead reveals one record for 30 s with a reason, audited; a health worker is not offered it', async ({ page }) => {
  await page.clock.install({ time: new Date('2020-02-17T02:00:00+08:00') });
  const booth = new BoothPage(page);
  const db = newDb('reveal');
  await booth.goto(db);
  await booth.openShift({ checkpoint: '南江南高速出口卡点', lead: '岳阳', staff: '王医生' });
  await booth.registerVehicle({ plate: 'a12345', origin: '巴中', destination: '南江', people: [{ name: '张三', id: ID1, phone: PHONE1, temp: '36.5' }] });

  // The health worker (the default operator) sees masked values and no way to reveal them.
  let dialog = await booth.openRecord('川A12345');
  await expect(dialog.getByTestId('masked-note')).toBeVisible();
  await expect(dialog.getByRole('button', { name: '查看完整号码…' })).toHaveCount(0);
  await booth.press('Escape');

  // The lead: a reason (其他 needs words), then the full values, then masked again after 30 s.
  await actAs(booth, '岳阳');
  dialog = await booth.openRecord('川A12345');
  await booth.click(dialog.getByRole('button', { name: '查看完整号码…' }));
  await dialog.getByTestId('reveal-box').getByRole('radio').first().focus();
  await booth.press('4');
  await booth.click(dialog.getByRole('button', { name: /^查看（/ }));
  await expect(dialog.getByText('请选择原因，或选“其他”并写明原因')).toBeVisible();
  await expect(dialog).not.toContainText(ID1);
  await booth.press('Escape');
  dialog = await booth.openRecord('川A12345');
  await revealInRecord(booth, dialog, { digit: 4, text: '核对转诊电话' });
  await expect(dialog.getByTestId('person-doc')).toHaveText(ID1);
  await expect(dialog.getByTestId('person-phone')).toHaveText(PHONE1);
  await expect(dialog.getByTestId('reveal-status')).toContainText('岳阳');

  const reveals = (await auditEntries(booth, db)).filter((e) => e.action === 'reveal');
  expect(reveals).toHaveLength(1);
  expect(reveals[0]).toMatchObject({ actor: '岳阳', role: 'lead', detail: { reason: 'other', reasonText: '核对转诊电话', plate: '川A12345', persons: 1 } });
  expect(JSON.stringify(reveals)).not.toContain(ID1);
  expect(JSON.stringify(reveals)).not.toContain(PHONE1);

  await page.clock.fastForward(29_000);
  await expect(dialog.getByTestId('person-doc')).toHaveText(ID1);
  await page.clock.fastForward(1_500);
  await expect(dialog.getByTestId('person-doc')).toHaveText(maskId(ID1));
  await expect(dialog.getByTestId('person-phone')).toHaveText(maskPhone(PHONE1));
  expectNoneOf(await visibleText(booth), [ID1, PHONE1], 'after 30 s');
  await booth.press('Escape');
});

test('search beyond the shift is a lead\'s explicit, audited choice; exports are audited masked or full', async ({ page }) => {
  const booth = new BoothPage(page);
  const db = newDb('scope');
  await booth.goto(db);
  await booth.openShift({ checkpoint: '南江南高速出口卡点', lead: '岳阳', staff: '王医生' });
  await booth.registerVehicle({ plate: 'a12345', origin: '巴中', destination: '南江', people: [{ name: '张三', id: ID1, phone: PHONE1, temp: '36.5' }] });

  await search(booth, ID1.slice(0, 6));
  await expect(page.getByTestId('search-scope')).toContainText('查找范围：本班和上一班');
  await expect(page.getByTestId('search-scope')).toContainText('更早的记录只有带班领导或管理员可以查找');
  await expect(searchBeyondButton(booth)).toHaveCount(0);

  await actAs(booth, '岳阳');
  await search(booth, ID1.slice(0, 6));
  await booth.click(searchBeyondButton(booth));
  await expect(page.getByTestId('search-scope')).toContainText('查找范围：全部班次（已记录）');
  await expect(booth.todayRow('川A12345')).toBeVisible();
  const searches = (await auditEntries(booth, db)).filter((e) => e.action === 'search');
  expect(searches).toEqual([expect.objectContaining({ actor: '岳阳', role: 'lead', target: 'allShifts', detail: { kind: 'digits', length: 6, results: 1 } })]);
  await page.getByLabel(/^查找/).fill('');

  // A health worker's export: masked, no full-ID box at all; a lead's full export. Both audited.
  await actAs(booth, '王医生');
  await booth.press('Control+e');
  await expect(booth.exportDialog()).toContainText('只有带班领导或管理员可以导出完整证件号码');
  await expect(booth.exportDialog().getByRole('checkbox')).toHaveCount(0);
  const masked = page.waitForEvent('download');
  await booth.press('Enter');
  const maskedFile = await masked;
  await expect(page.getByTestId('export-status')).toContainText('交接表已下载');
  await actAs(booth, '岳阳');
  const full = await booth.exportHandover({ fullIds: true });
  await expect(page.getByTestId('export-status')).toContainText('含完整证件号码');
  const exports = (await auditEntries(booth, db)).filter((e) => e.action === 'export');
  expect(exports.map((e) => [e.actor, e.role, e.detail?.masked, e.detail?.fileName, e.detail?.vehicles, e.detail?.persons])).toEqual([
    ['王医生', 'health', true, maskedFile.suggestedFilename(), 1, 1],
    ['岳阳', 'lead', false, full.suggestedFilename(), 1, 1],
  ]);

  // A print is audited too (always masked).
  await booth.press('Control+p');
  await expect(page.getByRole('dialog', { name: '打印交接表' }).getByRole('article')).toBeVisible();
  await page.evaluate(() => {
    window.print = () => undefined; // headless: no system dialog to wait for
  });
  await booth.click(page.getByRole('dialog', { name: '打印交接表' }).getByRole('button', { name: /^打印/ }).first());
  await expect.poll(async () => (await auditEntries(booth, db)).filter((e) => e.action === 'print').map((e) => [e.actor, e.detail?.masked])).toEqual([['岳阳', true]]);
});

for (const width of [1366, 1024]) {
  test(`record dialog masked and revealed at ${width}×768, day and night (screenshots)`, async ({ page }) => {
    await page.setViewportSize({ width, height: 768 });
    const booth = new BoothPage(page);
    await booth.goto(newDb(`shots${width}`));
    await booth.openShift({ checkpoint: '南江南高速出口卡点', lead: '岳阳', staff: '王医生' });
    await booth.registerVehicle(familyCar());
    await actAs(booth, '岳阳');
    for (const theme of ['day', 'night'] as const) {
      if (theme === 'night') {
        await booth.toggleTheme();
        await expect(page.locator('html')).toHaveAttribute('data-theme', 'night');
      }
      const dialog = await booth.openRecord('川A12345');
      await expect(dialog.getByRole('button', { name: '查看完整号码…' })).toBeInViewport();
      await page.screenshot({ path: test.info().outputPath(`record-masked-${width}x768-${theme}.png`) });
      if (process.env.SCREENSHOTS) await page.screenshot({ path: `docs/screenshots/record-masked-${width}x768-${theme}.png` });
      await revealInRecord(booth, dialog, { digit: 1 });
      await expect(dialog.getByTestId('person-doc').first()).toHaveText(ID1);
      await expect(dialog.getByTestId('reveal-status')).toBeInViewport();
      await page.screenshot({ path: test.info().outputPath(`record-revealed-${width}x768-${theme}.png`) });
      if (process.env.SCREENSHOTS) await page.screenshot({ path: `docs/screenshots/record-revealed-${width}x768-${theme}.png` });
      await booth.press('Escape');
    }
  });
}
