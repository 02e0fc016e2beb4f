import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OriginMigration, sameSummary } from './originMigration';

const digest = (c: string) => c.repeat(64);
const summary = { counts: { persons: 3, vehicles: 1, settings: 0 }, digest: digest('a') };
const dir = () => path.join(mkdtempSync(path.join(tmpdir(), 'origin-migration-')), 'origin-migration');

describe('carrying IndexedDB from file:// to app://', () => {
  it('export → spool → import → verified: done once, spool removed, nothing to import on the next start', async () => {
    const where = dir();
    const m = new OriginMigration(where);
    expect(m.needsExport()).toBe(true);
    expect((await m.beginExport()).ok).toBe(true);
    expect((await m.addChunk({ table: 'persons', rows: [{ id: 'p1' }, { id: 'p2' }] })).ok).toBe(true);
    expect((await m.addChunk({ table: 'persons', rows: [{ id: 'p3', name: '张三' }] })).ok).toBe(true);
    expect((await m.addChunk({ table: 'vehicles', rows: [{ id: 'v1' }] })).ok).toBe(true);
    expect(m.importPlan()).toBeNull();
    expect((await m.finishExport(summary)).ok).toBe(true);
    expect(m.needsExport()).toBe(false);
    expect(m.importPlan()).toEqual({ chunks: 3, summary });
    expect(m.readChunk(1)).toEqual({ ok: true, value: { table: 'persons', rows: [{ id: 'p3', name: '张三' }] } });
    expect(m.readChunk(3)).toMatchObject({ ok: false, error: { code: 'origin.noChunk' } });

    expect((await m.finishImport({ counts: { vehicles: 1, persons: 3 }, digest: digest('a') })).ok).toBe(true);
    expect(readdirSync(where)).toEqual(['state.json']);
    // A second start: a new instance over the same folder.
    const again = new OriginMigration(where);
    expect(again.needsExport()).toBe(false);
    expect(again.importPlan()).toBeNull();
    expect(again.state()).toMatchObject({ status: 'done', summary });
  });

  it('a mismatch in counts or digest is not done: the plan stays for the next start, with both figures in the message', async () => {
    const m = new OriginMigration(dir());
    await m.beginExport();
    await m.addChunk({ table: 'persons', rows: [{ id: 'p1' }] });
    await m.finishExport(summary);
    const short = await m.finishImport({ counts: { persons: 2, vehicles: 1 }, digest: digest('a') });
    expect(short).toMatchObject({ ok: false, error: { code: 'origin.mismatch' } });
    if (!short.ok) expect(short.error.message.zh).toMatch(/persons 3.*persons 2/);
    expect((await m.finishImport({ counts: summary.counts, digest: digest('b') })).ok).toBe(false);
    expect(m.importPlan()).toEqual({ chunks: 1, summary });
  });

  it('an empty old database is done at once, with nothing to import', async () => {
    const m = new OriginMigration(dir());
    await m.beginExport();
    await m.finishExport({ counts: { persons: 0 }, digest: digest('c') });
    expect(m.needsExport()).toBe(false);
    expect(m.importPlan()).toBeNull();
  });

  it('an export cut short by a crash starts again from nothing', async () => {
    const where = dir();
    const m = new OriginMigration(where);
    await m.beginExport();
    await m.addChunk({ table: 'persons', rows: [{ id: 'p1' }] });
    const restarted = new OriginMigration(where);
    expect(restarted.needsExport()).toBe(true);
    await restarted.beginExport();
    expect(readdirSync(where)).toEqual(['state.json']);
    expect(restarted.state()).toMatchObject({ status: 'exporting', chunks: 0 });
  });

  it('refuses chunks outside an export and a done flag before the export is complete', async () => {
    const m = new OriginMigration(dir());
    expect(await m.addChunk({ table: 'persons', rows: [{ id: 'p1' }] })).toMatchObject({ ok: false, error: { code: 'origin.notExporting' } });
    expect(await m.finishImport(summary)).toMatchObject({ ok: false, error: { code: 'origin.notExported' } });
    await m.beginExport();
    expect(await m.finishImport(summary)).toMatchObject({ ok: false, error: { code: 'origin.notExported' } });
  });

  it('a torn state file means "export again", never "done"', async () => {
    const where = dir();
    const m = new OriginMigration(where);
    await m.beginExport();
    writeFileSync(path.join(where, 'state.json'), '{"status":"do');
    expect(m.needsExport()).toBe(true);
    expect(existsSync(where)).toBe(true);
  });

  it('compares summaries table by table, an absent table counting as empty', () => {
    expect(sameSummary({ counts: { a: 1, b: 0 }, digest: digest('d') }, { counts: { a: 1 }, digest: digest('d') })).toBe(true);
    expect(sameSummary({ counts: { a: 1 }, digest: digest('d') }, { counts: { a: 1, b: 1 }, digest: digest('d') })).toBe(false);
  });

  it('a data folder it cannot write to is a Result, not a crash', async () => {
    const blocker = path.join(mkdtempSync(path.join(tmpdir(), 'origin-migration-')), 'a-file');
    writeFileSync(blocker, 'not a folder');
    const m = new OriginMigration(path.join(blocker, 'origin-migration'));
    expect(await m.beginExport()).toMatchObject({ ok: false, error: { code: 'save.noFolder' } });
  });
});
