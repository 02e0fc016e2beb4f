// Main checks the operator's role itself on the calls that save files or change settings
// (access): a forged or buggy payload without a permitted actor is refused and recorded.
import { describe, expect, it, vi } from 'vitest';
import { ok } from '../../shared/result';
import { createIpcDispatcher, type AccessRecord, type IpcHandlers } from './ipcCore';

const trusted = () => true;
const data = new Uint8Array([1, 2, 3]);
const setup = { host: '127.0.0.1', port: 5433, database: 'county', role: 'booth_demo', checkpoint: '南江南高速出口卡点', tls: 'off' };

function dispatcher() {
  const saveFile = vi.fn(async () => ok({ saved: true as const, path: '/usb/a.xlsx' }));
  const syncConfigure = vi.fn(async () => ok({ available: true, configured: true }));
  const records: AccessRecord[] = [];
  const dispatch = createIpcDispatcher({ saveFile, syncConfigure } as unknown as IpcHandlers, { onAccess: (r) => records.push(r), now: () => 42 });
  return { dispatch, saveFile, syncConfigure, records };
}

describe('IPC handlers refuse a payload without a permitted actor', () => {
  it('a full-ID workbook: staff and health workers and nobody are refused, a lead is let through; every call is recorded', async () => {
    const { dispatch, saveFile, records } = dispatcher();
    for (const actor of [{ name: '李警官', role: 'staff' }, { name: '王医生', role: 'health' }, null, undefined]) {
      const r = await dispatch('saveFile', trusted, [{ suggestedName: 'a.xlsx', kind: 'xlsx', data, fullIds: true, actor }]);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('ipc.notPermitted');
        expect(r.error.message.zh).toContain('无权执行此操作');
      }
    }
    expect(saveFile).not.toHaveBeenCalled();
    const lead = { name: '岳阳', role: 'lead' as const };
    expect((await dispatch('saveFile', trusted, [{ suggestedName: 'a.xlsx', kind: 'xlsx', data, fullIds: true, actor: lead }])).ok).toBe(true);
    expect(saveFile).toHaveBeenCalledOnce();
    expect(records.map((r) => [r.actor?.role ?? null, r.needs, r.allowed])).toEqual([
      ['staff', 'exportFull', false],
      ['health', 'exportFull', false],
      [null, 'exportFull', false],
      [null, 'exportFull', false],
      ['lead', 'exportFull', true],
    ]);
    expect(records[4]).toMatchObject({ at: 42, channel: 'file:save' });
  });

  it('a masked workbook is saved for any signed-in operator and recorded with who it was', async () => {
    const { dispatch, saveFile, records } = dispatcher();
    const r = await dispatch('saveFile', trusted, [{ suggestedName: 'a.xlsx', kind: 'xlsx', data, actor: { name: '李警官', role: 'staff' } }]);
    expect(r.ok).toBe(true);
    expect(saveFile).toHaveBeenCalledOnce();
    expect(records).toEqual([{ at: 42, channel: 'file:save', actor: { name: '李警官', role: 'staff' }, needs: null, allowed: true }]);
  });

  it('a forged role is not a role: the actor is validated before anything else', async () => {
    const { dispatch, saveFile } = dispatcher();
    const r = await dispatch('saveFile', trusted, [{ suggestedName: 'a.xlsx', kind: 'xlsx', data, fullIds: true, actor: { name: 'x', role: 'root' } }]);
    expect(!r.ok && r.error.code).toBe('ipc.invalid');
    expect(saveFile).not.toHaveBeenCalled();
  });

  it('the county sync setup is a station setting: only the administrator', async () => {
    const { dispatch, syncConfigure } = dispatcher();
    for (const actor of [{ name: '岳阳', role: 'lead' }, null]) {
      const r = await dispatch('syncConfigure', trusted, [{ setup, password: 'pw', actor }]);
      expect(!r.ok && r.error.code).toBe('ipc.notPermitted');
    }
    expect(syncConfigure).not.toHaveBeenCalled();
    expect((await dispatch('syncConfigure', trusted, [{ setup, password: 'pw', actor: { name: '周管理', role: 'admin' } }])).ok).toBe(true);
    expect(syncConfigure).toHaveBeenCalledOnce();
  });
});
