// The operator's cost of the standard flows, counted with the e2e page object (BoothPage counts
// every key it presses as control or data). Keyboard only: no pointer action is used, and the
// count says so. Results go to BENCH_OPERATOR_OUT as JSON for bench/run.mjs; nothing here is
// timed. Each flow also asserts that the record was really saved, so a count is never reported
// for a flow that did not work.
import { writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { BoothPage, residentId } from '../../tests/e2e/pages/BoothPage';
import { completeRecheckFromList, markAwaitingRecheck, recheckRows, registerLocalVehicle } from '../../tests/e2e/pages/shiftFlows';

interface FlowCost {
  flow: string;
  /** Keys that carry no data: Enter, F2, F3, Ctrl+S, Space on a checkbox, digit picks. */
  nonDataKeys: number;
  /** Characters typed as data. */
  dataChars: number;
  pointerActions: number;
  /** Fields the cursor stopped at (each one the operator had to look at). */
  fieldsVisited: number;
  /** Fields where data was typed or a choice confirmed. */
  fieldsFilled: number;
  notes: string;
}

const results: Record<string, FlowCost | Record<string, number>> = {};

const DRIVER = { name: '张三', id: residentId('510722', '19850312', '123'), phone: '13800138000' };
const PASSENGER_1 = { name: '李四', id: residentId('511302', '19900715', '022'), phone: '13900139000' };
const PASSENGER_2 = { name: '王小五', id: residentId('510722', '20120601', '042'), phone: '' };

function cost(booth: BoothPage, flow: string, fieldsVisited: number, fieldsFilled: number, notes: string): FlowCost {
  return { flow, nonDataKeys: booth.controlKeys, dataChars: booth.dataChars, pointerActions: booth.pointerActions, fieldsVisited, fieldsFilled, notes };
}

function reset(booth: BoothPage) {
  booth.resetCounts();
}

async function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name ?? '');
}

const TEMPS = ['36.5', '36.7', '36.6'];
const PEOPLE = [DRIVER, PASSENGER_1, PASSENGER_2].map((p, i) => ({ name: p.name, id: p.id, phone: p.phone, temp: TEMPS[i] as string }));
/** Per person: name, ID, phone, temperature visited; filled where there is data. */
const peopleVisited = PEOPLE.length * 4;
const peopleFilled = PEOPLE.reduce((n, p) => n + 3 + (p.phone ? 1 : 0), 0);

test('new vehicle, driver + 2 passengers, local plate', async ({ page }) => {
  const booth = new BoothPage(page);
  await booth.goto();
  reset(booth);
  await booth.openShift();
  results.openShift = { nonDataKeys: booth.controlKeys, dataChars: booth.dataChars, pointerActions: booth.pointerActions };
  reset(booth);

  // The page object's flow: plate, Enter, Enter (type), route fields, then each person with Enter
  // after every field (Enter after a temperature goes to the next person), Ctrl+S.
  await booth.registerVehicle({ plate: 'a12345', origin: '巴中', route: '成巴高速', destination: '南江县城', purpose: '返乡', people: PEOPLE });
  results.newVehicle = cost(booth, 'new vehicle, local plate, driver + 2 passengers', 7 + peopleVisited, 6 + peopleFilled, 'plate, type, origin, route, destination, purpose, contact + 3 × (name, ID, phone, temperature)');

  // ---- repeat vehicle: the same car comes back; plate, Enter, F3 recalls everything known ----
  reset(booth);
  await booth.expectFocusOn('车牌号');
  await booth.type('a12345');
  await booth.press('Enter');
  await expect(page.getByTestId('repeat-visit')).toContainText('该车此前经过 1 次');
  await booth.press('F3');
  const recallKeys = booth.controlKeys;
  await expect(page.getByLabel('来自何地')).toHaveValue('巴中');
  await expect(page.getByLabel('姓名', { exact: true }).nth(2)).toHaveValue(PASSENGER_2.name);
  await booth.expectFocusOn('体温 ℃');
  // New readings for everyone, by keyboard: after F3, Enter hops from temperature to temperature.
  const enterToNextTemp: number[] = [];
  for (const [i, temp] of ['36.4', '36.8', '36.5'].entries()) {
    await booth.type(temp);
    if (i === 2) break;
    let presses = 0;
    while ((await focusedName(page)) !== `occupants.${i + 1}.temp` && presses < 12) {
      await booth.press('Enter');
      presses++;
    }
    expect(await focusedName(page)).toBe(`occupants.${i + 1}.temp`);
    enterToNextTemp.push(presses);
  }
  await booth.press('Control+s');
  await booth.expectSaved('川A12345', 3);
  results.repeatVehicle = {
    ...cost(booth, 'repeat vehicle, 3 occupants recalled (plate, Enter, F3), new temperatures', 1 + 3, 1 + 3, 'plate + 3 temperatures typed; everything else recalled'),
    recallKeysAfterPlate: recallKeys,
    enterToNextTemperature: enterToNextTemp.reduce((a, b) => a + b, 0),
  } as FlowCost;
  await expect(page.getByTestId('shift-counts')).toHaveText('车辆 2 辆 · 人员 6 人');
});

test('new key-area vehicle (鄂 plate), driver + 2 passengers', async ({ page }) => {
  const booth = await BoothPage.withOpenShift(page);
  reset(booth);
  await booth.registerVehicle({ plate: 'e a12345', origin: '武汉', destination: '南江县城', purpose: '返乡', keyArea: true, people: PEOPLE });
  results.keyAreaVehicle = cost(
    booth,
    'new key-area vehicle (鄂), driver + 2 passengers',
    9 + peopleVisited,
    7 + peopleFilled,
    'as the local flow plus the two checkboxes a key-area vehicle must have ticked (Space ticks, Enter moves on)',
  );
});

test('待复测: fever marked for a later recheck, then the recheck completed from the list', async ({ page }) => {
  const booth = await BoothPage.withOpenShift(page);
  // Marking: after the fever's first reading, the keys that send the person to the queue.
  await booth.registerVehicle({ plate: 'a54321', origin: '巴中', destination: '南江县城', purpose: '返乡', people: [{ ...PASSENGER_1, temp: '37.8' }] }, { save: false });
  reset(booth);
  await markAwaitingRecheck(booth);
  const markKeys = booth.controlKeys;
  await booth.press('Control+s');
  await booth.expectSaved('川A54321', 1);
  await expect(recheckRows(booth)).toHaveCount(1);
  results.recheckMark = { nonDataKeys: markKeys, dataChars: 0, pointerActions: booth.pointerActions };

  // Completing from the list, normal reading: F4, Enter, the reading, Ctrl+S.
  reset(booth);
  await completeRecheckFromList(booth, { temp: '36.8' });
  await expect(page.getByTestId('recheck-status')).toHaveText('已保存复测：李四 36.8 ℃');
  await expect(recheckRows(booth)).toHaveCount(0);
  results.recheckFromList = cost(booth, '待复测 recheck completed from the list (normal reading, released)', 2, 1, 'F4 to the queue, Enter opens the longest wait, reading typed, Ctrl+S');

  // Still feverish: the disposition is chosen too (Enter to 人员处置, digit 3 送发热门诊).
  await booth.expectFocusOn('车牌号');
  await registerLocalVehicle(booth, 'a67890', [{ ...PASSENGER_2, phone: '13700137000', temp: '38.0', awaitRecheck: true }]);
  await booth.expectSaved('川A67890', 1);
  reset(booth);
  await completeRecheckFromList(booth, { temp: '38.3', dispositionDigit: '3' });
  await expect(page.getByTestId('recheck-status')).toHaveText('已保存复测：王小五 38.3 ℃');
  await expect(recheckRows(booth)).toHaveCount(0);
  results.recheckFromListFever = cost(booth, '待复测 recheck completed from the list (still feverish → fever clinic)', 3, 2, 'as above, plus Enter to the disposition and a digit');
});

test.afterAll(() => {
  const out = process.env.BENCH_OPERATOR_OUT;
  if (out) writeFileSync(out, JSON.stringify(results, null, 2));
  else console.log(JSON.stringify(results, null, 2));
});
