import { describe, expect, it, vi } from 'vitest';
import { IPC, type AppInfo, type DesktopApi } from '../../shared/ipc';
import { ok, type Result } from '../../shared/result';
import { createIpcDispatcher, INVOKE_NAMES, isTrustedSender, type IpcHandlers, type SenderLike, type WindowLike } from './ipcCore';

const info: AppInfo = { version: '0.1.0', platform: 'electron', dataDir: '/data' };

function fakeHandlers() {
  return {
    appInfo: vi.fn(async () => ok(info)),
    setLocale: vi.fn(async () => ok(null)),
    saveFile: vi.fn(async () => ok({ saved: true as const, path: '/usb/a.xlsx' })),
    print: vi.fn(async () => ok(null)),
    printToPdf: vi.fn(async () => ok({ saved: false as const, cancelled: true as const })),
    originExportChunk: vi.fn(async () => ok(null)),
    originExportDone: vi.fn(async () => ok(null)),
    originImportPlan: vi.fn(async () => ok(null)),
    originImportChunk: vi.fn(async () => ok({ table: 'persons', rows: [{ id: 'p1' }] })),
    originImportDone: vi.fn(async () => ok(null)),
    syncStatus: vi.fn(async () => ok({ available: true, configured: false })),
    syncConfigure: vi.fn(async () => ok({ available: true, configured: true })),
    syncImportConfig: vi.fn(async () => ok({ available: true, configured: true })),
    syncForget: vi.fn(async () => ok({ available: true, configured: false })),
    syncPush: vi.fn(async (b: { batchId: string }) => ok({ batchId: b.batchId, stored: 0, duplicates: 0, refused: [] })),
    syncPull: vi.fn(async () => ok({ keyAreas: [], feverLine: null, watchlists: [] })),
    syncWatchEntries: vi.fn(async () => ok([])),
    syncCountyDay: vi.fn(async (r: { day: string }) => ok({ day: r.day, shifts: [] })),
    readWorkbooks: vi.fn(async () => ok([])),
    cancelImport: vi.fn(async () => ok(null)),
    journalAppend: vi.fn(async () => ok(null)),
    journalRead: vi.fn(async () => ok('')),
    snapshotWrite: vi.fn(async () => ok({ name: 'shift-0000000001-1700000000000.jsonl', kind: 'shift' as const, seq: 1, bytes: 1 })),
    snapshotList: vi.fn(async () => ok([])),
    snapshotRead: vi.fn(async () => ok('')),
    journalCompact: vi.fn(async () => ok(null)),
  } satisfies IpcHandlers;
}

const trusted = () => true;
const bytes = new Uint8Array([1, 2, 3]);

function expectBilingualFailure(result: Result<unknown>, code: string) {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.code).toBe(code);
  expect(result.error.message.zh).toMatch(/[\u4e00-\u9fff]/);
  expect(result.error.message.en).toMatch(/[a-z]/i);
}

describe('channels', () => {
  it('covers every invoke function of DesktopApi and maps to the channel names in shared/ipc.ts', () => {
    const expected: Exclude<keyof DesktopApi, 'onMenuCommand'>[] = ['appInfo', 'cancelImport', 'journalAppend', 'journalCompact', 'journalRead', 'originExportChunk', 'originExportDone', 'originImportChunk', 'originImportDone', 'originImportPlan', 'print', 'printToPdf', 'readWorkbooks', 'saveFile', 'setLocale', 'snapshotList', 'snapshotRead', 'snapshotWrite', 'syncConfigure', 'syncCountyDay', 'syncForget', 'syncImportConfig', 'syncPull', 'syncPush', 'syncStatus', 'syncWatchEntries'];
    expect([...INVOKE_NAMES].sort()).toEqual([...expected].sort());
    for (const name of INVOKE_NAMES) expect(IPC[name]).toMatch(/^[a-z]+:[a-z-]+$/);
  });
});

describe('createIpcDispatcher', () => {
  it('passes valid payloads to the right handler and returns its Result', async () => {
    const h = fakeHandlers();
    const dispatch = createIpcDispatcher(h);
    expect(await dispatch('appInfo', trusted, [])).toEqual(ok(info));
    expect(await dispatch('setLocale', trusted, ['en'])).toEqual(ok(null));
    expect(h.setLocale).toHaveBeenCalledWith('en');
    const req = { suggestedName: '交接表.xlsx', kind: 'xlsx', data: bytes };
    expect(await dispatch('saveFile', trusted, [req])).toEqual(ok({ saved: true, path: '/usb/a.xlsx' }));
    expect(h.saveFile).toHaveBeenCalledWith(req);
    expect(await dispatch('printToPdf', trusted, [{ suggestedName: 'x' }])).toEqual(ok({ saved: false, cancelled: true }));
  });

  it('passes workbooks to read to the import handler, and refuses malformed ones', async () => {
    const h = fakeHandlers();
    const dispatch = createIpcDispatcher(h);
    expect(await dispatch('readWorkbooks', trusted, [{ files: [{ name: 'a.xlsx', bytes }] }])).toEqual(ok([]));
    expect(h.readWorkbooks).toHaveBeenCalledWith({ files: [{ name: 'a.xlsx', bytes }] });
    for (const bad of [{ files: [] }, { files: [{ name: '', bytes }] }, { files: [{ name: 'a', bytes: 'PK..' }] }, { files: [{ name: 'a', bytes: new Uint8Array(65 * 1024 * 1024) }] }]) {
      expect((await dispatch('readWorkbooks', trusted, [bad])).ok, Object.keys(bad.files[0] ?? {}).join()).toBe(false);
    }
    expect(h.readWorkbooks).toHaveBeenCalledOnce();
    expect(await dispatch('cancelImport', trusted, [])).toEqual(ok(null));
  });

  it('strips unknown fields before the handler sees them', async () => {
    const h = fakeHandlers();
    await createIpcDispatcher(h)('printToPdf', trusted, [{ suggestedName: 'x', path: '/etc/passwd' }]);
    expect(h.printToPdf).toHaveBeenCalledWith({ suggestedName: 'x' });
  });

  it.each([
    ['setLocale', ['fr']],
    ['setLocale', []],
    ['setLocale', ['zh', 'extra']],
    ['appInfo', ['unexpected']],
    ['print', [{}]],
    ['saveFile', [{ suggestedName: 'a', kind: 'xlsx', data: 'not bytes' }]],
    ['saveFile', [{ suggestedName: 'a', kind: 'exe', data: bytes }]],
    ['saveFile', [{ suggestedName: '', kind: 'pdf', data: bytes }]],
    ['saveFile', [{ suggestedName: 'a', kind: 'pdf', data: new Uint8Array(0) }]],
    ['saveFile', [{ suggestedName: 'a'.repeat(201), kind: 'pdf', data: bytes }]],
    ['saveFile', [null]],
    ['printToPdf', [{}]],
  ] as const)('refuses %s(%j) without calling any handler', async (name, args) => {
    const h = fakeHandlers();
    const result = await createIpcDispatcher(h)(name, trusted, args);
    expectBilingualFailure(result, 'ipc.invalid');
    for (const fn of Object.values(h)) expect(fn).not.toHaveBeenCalled();
  });

  it('names the offending field in the message', async () => {
    const result = await createIpcDispatcher(fakeHandlers())('saveFile', trusted, [{ suggestedName: 'a', kind: 'exe', data: bytes }]);
    expect(result.ok ? '' : result.error.message.en).toContain('kind');
  });

  it('refuses untrusted senders before validating or calling anything', async () => {
    const h = fakeHandlers();
    const result = await createIpcDispatcher(h)('appInfo', () => false, []);
    expectBilingualFailure(result, 'ipc.forbidden');
    expect(h.appInfo).not.toHaveBeenCalled();
  });

  it('turns a throwing handler, a rejecting handler, a throwing sender check and a non-Result into code "internal"', async () => {
    const h = fakeHandlers();
    h.print.mockImplementationOnce(() => {
      throw new Error('boom');
    });
    h.appInfo.mockRejectedValueOnce(new Error('later boom'));
    h.setLocale.mockResolvedValueOnce('not a result' as never);
    const dispatch = createIpcDispatcher(h);
    const thrown = await dispatch('print', trusted, []);
    expectBilingualFailure(thrown, 'internal');
    expect(thrown.ok ? '' : thrown.error.message.en).toContain('boom');
    expectBilingualFailure(await dispatch('appInfo', trusted, []), 'internal');
    expectBilingualFailure(await dispatch('setLocale', trusted, ['zh']), 'internal');
    expectBilingualFailure(
      await dispatch('appInfo', () => {
        throw new Error('frame gone');
      }, []),
      'internal',
    );
  });

  it('passes handler failures through unchanged', async () => {
    const h = fakeHandlers();
    const failure = { ok: false as const, error: { code: 'save.diskFull', message: { zh: '满', en: 'full' } } };
    h.saveFile.mockResolvedValueOnce(failure as never);
    expect(await createIpcDispatcher(h)('saveFile', trusted, [{ suggestedName: 'a', kind: 'xlsx', data: bytes }])).toEqual(failure);
  });
});

describe('isTrustedSender', () => {
  const mainFrame = { routingId: 1, processId: 7 };
  const webContents = { mainFrame };
  const win: WindowLike = { isDestroyed: () => false, webContents };
  const appPage = (url: string) => url === 'file:///app/index.html';
  const event = (over: Partial<SenderLike> = {}): SenderLike => ({
    sender: webContents,
    senderFrame: { ...mainFrame, url: 'file:///app/index.html' },
    ...over,
  });

  it('accepts the main frame of our window on our page', () => {
    expect(isTrustedSender(event(), win, appPage)).toBe(true);
  });
  it('refuses subframes, other contents, other pages, vanished frames and closed windows', () => {
    expect(isTrustedSender(event({ senderFrame: { routingId: 2, processId: 7, url: 'file:///app/index.html' } }), win, appPage)).toBe(false);
    expect(isTrustedSender(event({ senderFrame: { routingId: 1, processId: 8, url: 'file:///app/index.html' } }), win, appPage)).toBe(false);
    expect(isTrustedSender(event({ sender: {} }), win, appPage)).toBe(false);
    expect(isTrustedSender(event({ senderFrame: { ...mainFrame, url: 'file:///tmp/dropped.html' } }), win, appPage)).toBe(false);
    expect(isTrustedSender(event({ senderFrame: null }), win, appPage)).toBe(false);
    expect(isTrustedSender(event(), { ...win, isDestroyed: () => true }, appPage)).toBe(false);
    expect(isTrustedSender(event(), null, appPage)).toBe(false);
  });
});

describe('origin migration channels', () => {
  it('validate chunks, summaries and chunk numbers before main touches them', async () => {
    const h = fakeHandlers();
    const dispatch = createIpcDispatcher(h);
    const summary = { counts: { persons: 2 }, digest: 'f'.repeat(64) };
    expect(await dispatch('originExportChunk', trusted, [{ table: 'persons', rows: [{ id: 'p1' }] }])).toEqual(ok(null));
    expect(await dispatch('originExportDone', trusted, [summary])).toEqual(ok(null));
    expect(await dispatch('originImportChunk', trusted, [0])).toMatchObject({ ok: true });
    expect(h.originExportChunk).toHaveBeenCalledTimes(1);

    // A table name that would be a path, too many rows, an empty chunk, a non-object row.
    expectBilingualFailure(await dispatch('originExportChunk', trusted, [{ table: '../state', rows: [{ id: 1 }] }]), 'ipc.invalid');
    expectBilingualFailure(await dispatch('originExportChunk', trusted, [{ table: 'persons', rows: Array.from({ length: 501 }, (_, i) => ({ id: i })) }]), 'ipc.invalid');
    expectBilingualFailure(await dispatch('originExportChunk', trusted, [{ table: 'persons', rows: [] }]), 'ipc.invalid');
    expectBilingualFailure(await dispatch('originExportChunk', trusted, [{ table: 'persons', rows: ['x'] }]), 'ipc.invalid');
    expectBilingualFailure(await dispatch('originImportDone', trusted, [{ counts: { persons: -1 }, digest: 'f'.repeat(64) }]), 'ipc.invalid');
    expectBilingualFailure(await dispatch('originImportDone', trusted, [{ counts: {}, digest: 'xyz' }]), 'ipc.invalid');
    expectBilingualFailure(await dispatch('originImportChunk', trusted, [-1]), 'ipc.invalid');
    expectBilingualFailure(await dispatch('originImportChunk', trusted, [1.5]), 'ipc.invalid');
    expect(h.originExportChunk).toHaveBeenCalledTimes(1);
  });
});

describe('sync channels', () => {
  const id = '0190aaaa-0000-7000-8000-000000000001';
  const vehicle = { id, shiftId: id, checkpoint: '甲', createdAt: 1, updatedAt: 2, day: '2020-02-01', plate: '川A12345', voided: 0, amendments: [], origin: '成都', extra: { kept: true } };
  const hit = { id, at: 1, day: '2020-02-01', checkpoint: '甲', shiftId: id, operator: '李', listId: id, entryId: id, key: 'plate:鄂A12345', vehicleId: id, personId: '' };
  const entry = { seq: 1, at: 1, actor: '李', role: 'staff', action: 'create', target: id, prevHash: '0'.repeat(64), hash: 'a'.repeat(64) };
  const operator = { id: 'a4453198-4995-8488-9f2b-8e7f0bfd0311', checkpoint: '甲', shiftId: id, name: '李', role: 'staff', setBy: 'open', createdAt: 1 };
  const batch = { batchId: id, checkpoint: '甲', shifts: [], vehicles: [vehicle], persons: [], incidents: [], watchHits: [hit], audit: [entry], operators: [operator] };

  it('passes a valid batch to main with every field of its records intact', async () => {
    const h = fakeHandlers();
    const r = await createIpcDispatcher(h)('syncPush', trusted, [batch]);
    expect(r.ok).toBe(true);
    expect(h.syncPush).toHaveBeenCalledWith(batch);
  });

  it('takes a batch from a booth older than hits, the audit trail and operators as one with none of them', async () => {
    const h = fakeHandlers();
    const { watchHits: _h, audit: _a, operators: _o, ...old } = batch;
    expect((await createIpcDispatcher(h)('syncPush', trusted, [old])).ok).toBe(true);
    expect(h.syncPush).toHaveBeenCalledWith({ ...old, watchHits: [], audit: [], operators: [] });
  });

  it.each([
    ['a record id that is not an id', { ...batch, vehicles: [{ ...vehicle, id: 'x' }] }],
    ['a batch over the size bound', { ...batch, vehicles: Array.from({ length: 501 }, () => vehicle) }],
    ['a vehicle without its checkpoint', { ...batch, vehicles: [{ ...vehicle, checkpoint: '' }] }],
    ['a day that is not a day', { ...batch, vehicles: [{ ...vehicle, day: 'yesterday' }] }],
    ['an audit entry without its chain hash', { ...batch, audit: [{ ...entry, hash: 'forged' }] }],
    ['a watchlist hit whose entry is not an id', { ...batch, watchHits: [{ ...hit, entryId: '1' }] }],
    ['an operator with a role that is none of the roles', { ...batch, operators: [{ ...operator, role: 'root' }] }],
    ['an operator without a name', { ...batch, operators: [{ ...operator, name: '' }] }],
  ])('refuses %s before main sees it', async (_what, bad) => {
    const h = fakeHandlers();
    expectBilingualFailure(await createIpcDispatcher(h)('syncPush', trusted, [bad]), 'ipc.invalid');
    expect(h.syncPush).not.toHaveBeenCalled();
  });

  it('refuses a county day request with a malformed day', async () => {
    const h = fakeHandlers();
    expectBilingualFailure(await createIpcDispatcher(h)('syncCountyDay', trusted, [{ day: '2020-2-1', tzOffsetMinutes: 480 }]), 'ipc.invalid');
  });
});

describe('journal and snapshot channels', () => {
  it('pass valid requests and refuse a line with a newline, a db name that is a path, and a snapshot name made up by the page', async () => {
    const h = fakeHandlers();
    const dispatch = createIpcDispatcher(h);
    expect(await dispatch('journalAppend', trusted, [{ db: 'checkpoint-station', lines: ['{"h":"x","e":{}}'] }])).toEqual(ok(null));
    expect(h.journalAppend).toHaveBeenCalledTimes(1);
    expectBilingualFailure(await dispatch('journalAppend', trusted, [{ db: 'checkpoint-station', lines: ['{"a":1}\n{"b":2}'] }]), 'ipc.invalid');
    expectBilingualFailure(await dispatch('journalAppend', trusted, [{ db: '../../etc', lines: ['{}'] }]), 'ipc.invalid');
    expectBilingualFailure(await dispatch('journalAppend', trusted, [{ db: 'x', lines: [] }]), 'ipc.invalid');
    expectBilingualFailure(await dispatch('journalRead', trusted, [{ db: 'x', part: 'some' }]), 'ipc.invalid');
    expectBilingualFailure(await dispatch('snapshotRead', trusted, [{ db: 'x', name: '../journal/x.jsonl' }]), 'ipc.invalid');
    expect(await dispatch('snapshotRead', trusted, [{ db: 'x', name: 'shift-0000000001-1700000000000.jsonl' }])).toEqual(ok(''));
    expectBilingualFailure(await dispatch('snapshotWrite', trusted, [{ db: 'x', kind: 'evil', seq: 1, text: 'x' }]), 'ipc.invalid');
    expect(h.journalAppend).toHaveBeenCalledTimes(1);
    expectBilingualFailure(await dispatch('journalAppend', () => false, [{ db: 'x', lines: ['{}'] }]), 'ipc.forbidden');
  });
});
