import { expect, test } from '@playwright/test';
import { BoothPage, residentId } from './pages/BoothPage';
import { maskId } from '../../shared/privacy/mask';

const DRIVER_ID = residentId('420102', '19850312', '123');
const FEVER_ID = '34052419800101001X';
const CHILD_ID = residentId('510722', '20120601', '042');

test('registers a key-area vehicle with three occupants by keyboard alone, and it survives a reload', async ({ page }) => {
  const booth = await BoothPage.withOpenShift(page);

  await booth.enterVehicle({ plate: 'e a12345', origin: '武汉', route: '湖北', destination: '南江县城', purpose: '返乡', keyArea: true, people: [] });
  await expect(page.getByTestId('plate-preview')).toContainText('鄂A12345');
  await booth.enterPeople([
    { name: '张三', id: DRIVER_ID.toLowerCase(), phone: '13800138000', temp: '36.5' },
    // Passenger 1: feverish, rechecked, sent to the fever clinic
    { name: '李四', id: FEVER_ID.toLowerCase(), temp: '37.8', recheck: '38.1', disposition: 3 },
    { name: '王小五', id: CHILD_ID, temp: '36.7' },
  ]);
  await expect(booth.person(1).getByLabel('人员处置')).toHaveValue('feverClinic');
  await booth.press('Control+s');

  await booth.expectSaved('鄂A12345', 3);
  await booth.expectFocusOn('车牌号');
  await expect(booth.plateInput()).toHaveValue('');

  const row = booth.todayRow('鄂A12345');
  await expect(row).toContainText('3');
  await expect(row).toContainText('38.1');
  await expect(row).toContainText('发热');
  await expect(row).toContainText('重点地区');
  await expect(page.getByTestId('shift-counts')).toHaveText('车辆 1 辆 · 人员 3 人');

  await page.reload();
  await expect(booth.todayRow('鄂A12345')).toContainText('38.1');
  await expect(page.getByTestId('shift-counts')).toHaveText('车辆 1 辆 · 人员 3 人');

  // Open the record and check what was stored for the fever case.
  const dialog = await booth.openRecord('鄂A12345');
  const fever = dialog.getByRole('row', { name: /李四/ });
  // IDs are shown masked (area code + last 4; the typed x stored upper-case).
  await expect(fever).toContainText(maskId(FEVER_ID));
  await expect(fever).toContainText('37.8');
  await expect(fever).toContainText('38.1');
  await expect(fever).toContainText('送发热门诊');
  await expect(dialog.getByRole('row', { name: /张三/ })).toContainText(maskId(DRIVER_ID));
});

test('bad plates, IDs and temperatures get messages next to their fields and nothing is saved', async ({ page }) => {
  const booth = await BoothPage.withOpenShift(page, { checkpoint: '旌阳黄许卡点', lead: '刘警官', staff: '陈护士' });

  await booth.type('川A1O345');
  await booth.press('Enter');
  await expect(page.getByText('车牌格式未知')).toBeVisible();

  const name = page.getByLabel('姓名', { exact: true });
  await name.fill('赵六');
  const id = page.getByLabel('证件号码');
  await id.fill('340524198001010011');
  await id.blur();
  await expect(page.getByText('身份证号校验位不对')).toBeVisible();

  const temp = page.getByLabel('体温 ℃');
  /** A reading typed and left: the field says what is wrong with it. */
  const typeTemp = async (text: string) => {
    await temp.fill(text);
    await temp.blur();
    await expect(page.locator('.field.temp .field-error')).toBeVisible();
  };
  /** The offered fix is applied only when the operator asks for it; focus goes back to the field (item 8). */
  const acceptOffer = async (button: string, value: string) => {
    await page.getByRole('button', { name: button }).click();
    await expect(temp).toHaveValue(value);
    await expect(temp).toBeFocused();
  };

  await typeTemp('98.6');
  await expect(page.getByText(/华氏/)).toBeVisible();
  await page.keyboard.press('Control+s');
  await expect(booth.saveStatus()).toContainText('记录未保存');
  await expect(page.getByTestId('shift-counts')).toHaveText('车辆 0 辆 · 人员 0 人');
  await acceptOffer('换算为 37.0 ℃', '37.0');

  // A glove misses the decimal point: 365 offers 36.5 the same way, never applied silently.
  await typeTemp('365');
  await acceptOffer('改为 36.5 ℃', '36.5');

  await typeTemp('45');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('shift-counts')).toHaveText('车辆 0 辆 · 人员 0 人');
});
