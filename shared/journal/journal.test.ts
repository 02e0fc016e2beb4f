import { describe, expect, it } from 'vitest';
import { contentHash, decodeSnapshot, emptyDataset, encodeSnapshot, putRows, rebuild, replay } from './dataset';
import { encodeEntry, lastMark, parseJournal, type JournalEntry } from './format';
import { canonicalJson, hashText } from './hash';

const entry = (seq: number, put: JournalEntry['put'], extra: Partial<JournalEntry> = {}): JournalEntry => ({
  seq,
  at: 1_600_000_000_000 + seq,
  op: 'test',
  put,
  counts: { shifts: 1, vehicles: seq, persons: seq, incidents: 0 },
  ...extra,
});

describe('journal lines', () => {
  it('round-trips an entry and keeps Unicode and nested rows byte for byte', () => {
    const e = entry(1, { vehicles: [{ id: 'v1', plate: '鄂A12345', note: '张_x4E09_ \u200b 😀', amendments: [{ changes: { a: [1, null] } }] }] });
    const parsed = parseJournal(`${encodeEntry(e)}\n`);
    expect(parsed.damaged).toEqual([]);
    expect(parsed.entries).toEqual([JSON.parse(canonicalJson(e))]);
  });

  it('reports a flipped byte, a torn last line and garbage by line, and keeps the intact lines', () => {
    const lines = [1, 2, 3].map((s) => encodeEntry(entry(s, { vehicles: [{ id: `v${s}`, plate: `川A1234${s}` }] })));
    const flipped = lines[1]!.replace('川A12342', '川A12343');
    const torn = lines[2]!.slice(0, 40);
    const parsed = parseJournal([lines[0], flipped, torn, 'not json'].join('\n'));
    expect(parsed.entries.map((e) => e.seq)).toEqual([1]);
    expect(parsed.damaged).toEqual([
      { line: 2, reason: 'hash' },
      { line: 3, reason: 'json' },
      { line: 4, reason: 'json' },
    ]);
  });

  it('finds the last intact mark in a tail whose first line was cut by the read', () => {
    const text = [1, 2, 3].map((s) => encodeEntry(entry(s, {}))).join('\n') + '\n{"h":"torn';
    expect(lastMark(text.slice(10))).toEqual({ seq: 3, counts: { shifts: 1, vehicles: 3, persons: 3, incidents: 0 } });
    expect(lastMark('')).toBeUndefined();
  });
});

describe('replay and snapshots', () => {
  it('later rows replace earlier ones by key; clear empties a table', () => {
    const data = emptyDataset();
    replay(data, [
      entry(2, { vehicles: [{ id: 'v1', plate: 'B' }] }),
      entry(1, { vehicles: [{ id: 'v1', plate: 'A' }], importedShifts: [{ key: 'k' }] }),
      entry(3, {}, { clear: ['importedShifts'] }),
    ]);
    expect(data.vehicles.get('v1')).toEqual({ id: 'v1', plate: 'B' });
    expect(data.importedShifts.size).toBe(0);
  });

  it('the content hash ignores row order and undefined fields but not a changed value', () => {
    const a = emptyDataset();
    const b = emptyDataset();
    putRows(a, 'vehicles', [{ id: 'x', p: 1 }, { id: 'y', p: 2, q: undefined }]);
    putRows(b, 'vehicles', [{ id: 'y', p: 2 }, { p: 1, id: 'x' }]);
    expect(contentHash(a)).toBe(contentHash(b));
    putRows(b, 'vehicles', [{ id: 'y', p: 3 }]);
    expect(contentHash(a)).not.toBe(contentHash(b));
  });

  it('hashes 300,000 people (the snapshot limit) without overflowing the call stack', () => {
    const data = emptyDataset();
    putRows(data, 'persons', Array.from({ length: 300_000 }, (_, i) => ({ id: `p${i}`, n: i })));
    expect(contentHash(data)).toMatch(/^[0-9a-f]+$/);
  });

  it('a snapshot decodes to the same data, and a damaged one is refused', () => {
    const data = emptyDataset();
    putRows(data, 'persons', [{ id: 'p1', name: '李四' }]);
    putRows(data, 'settings', [{ key: 'feverLine', value: 37.3 }]);
    const text = encodeSnapshot(data, 5, 1);
    const back = decodeSnapshot(text);
    expect(back.ok && contentHash(back.data)).toBe(contentHash(data));
    expect(back.ok && back.header.counts.persons).toBe(1);
    expect(decodeSnapshot(text.replace('李四', '李五'))).toEqual({ ok: false, reason: 'hash' });
    expect(decodeSnapshot(text.split('\n').slice(0, 2).join('\n'))).toEqual({ ok: false, reason: 'rows' });
    expect(decodeSnapshot('garbage')).toEqual({ ok: false, reason: 'format' });
  });

  it('rebuild takes the newest intact snapshot and replays only later lines, counting gaps', () => {
    const snapData = emptyDataset();
    putRows(snapData, 'vehicles', [{ id: 'v1', plate: 'A' }]);
    const snap = encodeSnapshot(snapData, 1, 0);
    const journal = parseJournal([entry(1, { vehicles: [{ id: 'v1', plate: 'A' }] }), entry(2, { vehicles: [{ id: 'v2' }] }), entry(4, { vehicles: [{ id: 'v4' }] })].map(encodeEntry).join('\n'));
    const r = rebuild([snap, 'broken'], journal);
    expect(r.snapshotSeq).toBe(1);
    expect([...r.data.vehicles.keys()].sort()).toEqual(['v1', 'v2', 'v4']);
    expect(r.mark?.seq).toBe(4);
    expect(r.gaps).toBe(1);
  });

  it('hashText is stable across runs (the value is stored in files)', () => {
    expect(hashText('')).toBe(hashText(''));
    expect(hashText('卡口')).not.toBe(hashText('卡囗'));
    expect(hashText('abc')).toMatch(/^[0-9a-f]{16}$/);
  });
});
