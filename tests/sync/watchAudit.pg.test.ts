// What the watchlist and privacy features add to county sync, against a real PostgreSQL: the
// booth's watchlist hits and its hash-chained audit trail go up exactly once and stay a valid
// chain at the county; the county's watchlists come down, a changed list only, stored whole, and
// the booth's own check-offs survive a new version of the list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendRefusedAgain, syncOnce } from '../../renderer/src/sync/engine';
import { appendAudit } from '../../renderer/src/db/audit';
import { newId, dayKey } from '../../renderer/src/db/ids';
import { verifyChain, type AuditEntry } from '../../shared/audit/model';
import type { WatchHit } from '../../shared/watchlist/model';
import { BOOTH_A as A, BOOTH_B as B, startTwoBoothCounty, type TwoBoothCounty } from './county.testkit';
import { openBooth, register, type Booth } from './booth.testkit';

const LIST = '0190bbbb-0000-7000-8000-000000000001';
const OLD_LIST = '0190bbbb-0000-7000-8000-000000000002';
const entryId = (n: number) => `0190bbbb-0000-7000-8000-0000000001${String(n).padStart(2, '0')}`;

/** The county with booths A and B (their main-process sides). */
let env: TwoBoothCounty;
let booth: Booth;

beforeAll(async () => {
  env = await startTwoBoothCounty();
  booth = await openBooth(A.checkpoint, Date.now() - 60_000);
}, 60_000);

afterAll(async () => {
  await env?.stop();
});

async function hit(b: Booth, vehicleIndex: number, at: number): Promise<WatchHit> {
  const v = b.vehicles[vehicleIndex]!;
  const h: WatchHit = {
    id: newId(at), at, day: dayKey(at), checkpoint: b.checkpoint, shiftId: b.shift.id, operator: '李警官',
    listId: LIST, entryId: entryId(1), key: `plate:${v.plate}`, vehicleId: v.id, personId: '',
  };
  await b.db.watchHits.add(h);
  return h;
}

describe('watchlist hits and the audit trail go up', () => {
  it('arrive exactly once, the chain intact at the county, another booth reading none of them', async () => {
    const t = Date.now() - 30_000;
    await register(booth, 3, t);
    for (let i = 0; i < 7; i++) await appendAudit(booth.db, { at: t + i, actor: '李警官', role: 'staff', action: i % 2 ? 'create' : 'reveal', target: `r${i}`, detail: { reason: '核查' } });
    await hit(booth, 0, t + 10);
    await hit(booth, 2, t + 20);
    const first = await syncOnce(booth.db, env.sideA.transport, { checkpoint: A.checkpoint });
    expect(first.error).toBeNull();

    const hits = await env.county.admin.query('SELECT id, record_id, entry_id FROM county.watchlist_hits WHERE checkpoint = $1 ORDER BY at', [A.checkpoint]);
    expect(hits.rows.map((r) => r.record_id)).toEqual([booth.vehicles[0]!.id, booth.vehicles[2]!.id]);
    const audit = await env.county.admin.query<{ record: AuditEntry }>('SELECT record FROM county.audit_entries WHERE checkpoint = $1 ORDER BY seq', [A.checkpoint]);
    // The three registrations' own create entries (written with each record, access) and the seven above.
    expect(audit.rows).toHaveLength(10);
    expect(verifyChain(audit.rows.map((r) => r.record))).toEqual({ ok: true, count: 10 });

    // More entries later continue the chain; re-sending everything stores nothing twice.
    await appendAudit(booth.db, { at: t + 100, actor: '王队长', role: 'lead', action: 'export', detail: { masked: true } });
    await syncOnce(booth.db, env.sideA.transport, { checkpoint: A.checkpoint });
    const all = await env.county.admin.query<{ record: AuditEntry }>('SELECT record FROM county.audit_entries WHERE checkpoint = $1 ORDER BY seq', [A.checkpoint]);
    expect(verifyChain(all.rows.map((r) => r.record))).toEqual({ ok: true, count: 11 });
    const replay = await env.sideA.transport.push({
      batchId: newId(), checkpoint: A.checkpoint, shifts: [], vehicles: [], persons: [], incidents: [],
      watchHits: await booth.db.watchHits.toArray(), audit: await booth.db.audit.toArray(), operators: [],
    });
    // Two hits and eleven audit entries, every one already there.
    expect(replay).toMatchObject({ ok: true, value: { stored: 0, duplicates: 13, refused: [] } });

    // Row-level security: booth B sees neither A's hits nor A's audit trail.
    const asB = await env.county.connectAs(B.role, B.password);
    expect((await asB.query('SELECT count(*)::int n FROM county.audit_entries')).rows[0].n).toBe(0);
    expect((await asB.query('SELECT count(*)::int n FROM county.watchlist_hits')).rows[0].n).toBe(0);
    // … and nobody rewrites the trail at the county.
    const asA = await env.county.connectAs(A.role, A.password);
    await expect(asA.query(`UPDATE county.audit_entries SET operator = 'x' WHERE seq = 1`)).rejects.toThrow();
    await expect(env.county.admin.query(`DELETE FROM county.audit_entries WHERE seq = 1`)).rejects.toThrow();
  });

  it('a hit sent for another checkpoint is refused with its reason and kept at the booth', async () => {
    const h: WatchHit = { ...(await hit(booth, 1, Date.now())), id: newId(), checkpoint: B.checkpoint };
    await booth.db.watchHits.put(h);
    const r = await syncOnce(booth.db, env.sideA.transport, { checkpoint: A.checkpoint });
    expect(r.refused).toBe(1);
    expect(await booth.db.syncRefused.get(`watchHit:${h.id}`)).toMatchObject({ kind: 'watchHit', id: h.id });
    expect(await booth.db.watchHits.get(h.id)).toBeDefined();
  });
});

describe('the county watchlists come down', () => {
  const entries = async () => (await booth.db.watchEntries.where('[listId+status]').between([LIST, ''], [LIST, '\uffff']).toArray()).sort((a, b) => a.id.localeCompare(b.id));

  it('a new list arrives whole with match keys; an unchanged list is not fetched again', async () => {
    await env.county.admin.query(`INSERT INTO county.watchlists (id, name, source, published_at) VALUES ($1, '武汉返乡人员', '县数据专班', '2020-02-03')`, [LIST]);
    await env.county.admin.query(
      `INSERT INTO county.watchlist_entries (id, watchlist_id, name, doc_number, phone, plate, origin, note) VALUES
       ($2, $1, '张三', '４２０１０２１９９００３０７００１Ｘ', '138 0013 8000', '', '武汉', '1月20日返乡'),
       ($3, $1, '', '', '', '鄂a12345', '武汉', '货车'),
       ($4, $1, '李四', '', '+86 139-0000-1111', '', '孝感', '')`,
      [LIST, entryId(1), entryId(2), entryId(3)],
    );
    const r = await syncOnce(booth.db, env.sideA.transport, { checkpoint: A.checkpoint });
    expect(r).toMatchObject({ error: null, watchlistsUpdated: 1 });
    const got = await entries();
    expect(got.map((e) => e.keys)).toEqual([['id:42010219900307001X', 'phone:13800138000'], ['plate:鄂A12345'], ['phone:13900001111']]);
    expect(await booth.db.watchLists.get(LIST)).toMatchObject({ name: '武汉返乡人员', source: '县数据专班', issuedOn: '2020-02-03', status: 'active', version: 1 });
    // The keys are what the booth matches on (the *keys index).
    expect((await booth.db.watchEntries.where('keys').equals('plate:鄂A12345').toArray()).map((e) => e.id)).toEqual([entryId(2)]);
    expect((await syncOnce(booth.db, env.sideA.transport, { checkpoint: A.checkpoint })).watchlistsUpdated).toBe(0);
  });

  it('a new version keeps the booth’s check-offs, drops removed entries from matching, and a retired list retires', async () => {
    const met = (await booth.db.watchEntries.get(entryId(1)))!;
    await booth.db.watchEntries.put({ ...met, status: 'met', resolutions: [{ status: 'met', at: 1, by: '李警官', checkpoint: A.checkpoint, note: '已核查，体温正常', hitId: 'h1' }] });
    await env.county.admin.query(`DELETE FROM county.watchlist_entries WHERE id = $1`, [entryId(3)]);
    await env.county.admin.query(`INSERT INTO county.watchlist_entries (id, watchlist_id, name, doc_number) VALUES ($2, $1, '王五', '110101199003074478')`, [LIST, entryId(4)]);
    await env.county.admin.query(`UPDATE county.watchlists SET updated_at = now() + interval '1 second' WHERE id = $1`, [LIST]);
    await env.county.admin.query(`INSERT INTO county.watchlists (id, name, source, published_at, valid_to) VALUES ($1, '旧名单', '县数据专班', '2020-01-25', '2020-02-01')`, [OLD_LIST]);
    await booth.db.watchLists.put({ id: OLD_LIST, name: '旧名单', source: '县数据专班', issuedOn: '2020-01-25', importedAt: 1, importedBy: 'county', version: 1, status: 'active', fileName: '' });

    const r = await syncOnce(booth.db, env.sideA.transport, { checkpoint: A.checkpoint });
    expect(r).toMatchObject({ error: null, watchlistsUpdated: 1 });
    const got = await entries();
    expect(got.map((e) => [e.id, e.status, e.current])).toEqual([
      [entryId(1), 'met', 1],
      [entryId(2), 'open', 1],
      [entryId(3), 'open', 0],
      [entryId(4), 'open', 1],
    ]);
    expect(got[0]!.resolutions[0]!.note).toBe('已核查，体温正常');
    expect(await booth.db.watchLists.get(LIST)).toMatchObject({ version: 2, status: 'active' });
    expect(await booth.db.watchLists.get(OLD_LIST)).toMatchObject({ status: 'retired' });
  });
});

describe('再次发送: refused records sent again', () => {
  it('a record refused until the county fixed its side is accepted when sent again and leaves the list', async () => {
    // The county refuses one plate for a while (a rule the administrator later lifts).
    await env.county.admin.query(`ALTER TABLE county.vehicles ADD CONSTRAINT hold_plate CHECK (plate <> '川A10000') NOT VALID`);
    await register(booth, 1, Date.now());
    const v = booth.vehicles[booth.vehicles.length - 1]!;
    const r = await syncOnce(booth.db, env.sideA.transport, { checkpoint: A.checkpoint });
    expect(r.error).toBeNull();
    expect(await booth.db.syncRefused.get(`vehicle:${v.id}`)).toMatchObject({ code: 'sync.serverRefused' });
    // Sent again while the rule stands: refused again, still listed, with the hit of the other checkpoint.
    const again = await sendRefusedAgain(booth.db, env.sideA.transport, { checkpoint: A.checkpoint });
    const kinds = again.ok ? (again.value?.refused ?? []).map((x) => x.kind).sort() : ['push failed'];
    expect(kinds).toEqual([...Array<string>(v.personCount).fill('person'), 'vehicle', 'watchHit'].sort());
    await env.county.admin.query(`ALTER TABLE county.vehicles DROP CONSTRAINT hold_plate`);
    const fixed = await sendRefusedAgain(booth.db, env.sideA.transport, { checkpoint: A.checkpoint });
    expect(fixed.ok).toBe(true);
    expect(await booth.db.syncRefused.get(`vehicle:${v.id}`)).toBeUndefined();
    expect((await env.county.admin.query('SELECT count(*)::int n FROM county.vehicles WHERE id = $1', [v.id])).rows[0].n).toBe(1);
    // The hit for another checkpoint can never be accepted here: it stays, with its reason.
    expect((await booth.db.syncRefused.toArray()).map((x) => x.kind)).toEqual(['watchHit']);
  });
});
