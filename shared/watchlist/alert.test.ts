import { describe, expect, it } from 'vitest';
import { emptyOccupant, emptyVehicleDraft } from '../registration';
import { decisionProblems, draftWatchKeys, entryView, groupMatches, maskedKey, type WatchDecision } from './alert';
import { makeWatchEntry, makeWatchList } from './testFixtures';

const ID = '34052419800101001X';

describe('draftWatchKeys', () => {
  it('takes the plate, each ID and each phone once they are complete and valid, normalised', () => {
    const draft = emptyVehicleDraft('v');
    const driver = { ...emptyOccupant('a', 'driver'), docNumber: '３４０５２４１９８００１０１００１x', phone: '+86 139-1234-5678' };
    const passenger = { ...emptyOccupant('b', 'passenger'), docNumber: ID, phone: '852 9123 4567' };
    expect(draftWatchKeys({ ...draft, plateInput: 'a12345', occupants: [driver, passenger] }, '川', '2020-02-17')).toEqual([
      { key: 'plate:川A12345', kind: 'plate', occupant: null },
      { key: `id:${ID}`, kind: 'id', occupant: 0 },
      { key: 'phone:13912345678', kind: 'phone', occupant: 0 },
      { key: 'phone:+85291234567', kind: 'phone', occupant: 1 },
    ]);
  });

  it('ignores half-typed and invalid values and other documents', () => {
    const draft = emptyVehicleDraft('v');
    const o = { ...emptyOccupant('a', 'driver'), docNumber: ID.slice(0, 16), phone: '1391234' };
    const passport = { ...emptyOccupant('b', 'passenger'), docType: 'passport' as const, docNumber: 'E12345678' };
    expect(draftWatchKeys({ ...draft, plateInput: '川A123', occupants: [o, passport] }, '川', '2020-02-17')).toEqual([]);
  });
});

describe('decisions and views', () => {
  const list = makeWatchList({ name: '名单甲' });
  const entry = makeWatchEntry(list, { name: '赵六', idNumber: ID, phone: '13912345678', origin: '武汉', note: '联系 13312345678' });
  const hits = groupMatches([
    { list, entry, key: `id:${ID}` },
    { list, entry, key: 'phone:13912345678' },
  ]);

  it('one entry found by two keys is one hit needing one decision; a follow-up needs a note', () => {
    expect(hits).toHaveLength(1);
    expect(decisionProblems(hits, new Map())).toEqual([{ entryId: entry.id, problem: 'undecided' }]);
    const followUp = new Map<string, WatchDecision>([[entry.id, { status: 'followUp', note: '  ' }]]);
    expect(decisionProblems(hits, followUp)).toEqual([{ entryId: entry.id, problem: 'noteRequired' }]);
    expect(decisionProblems(hits, new Map([[entry.id, { status: 'met', note: '' }]]))).toEqual([]);
  });

  it('masks IDs and phones, also inside the note and in audited keys', () => {
    expect(entryView(hits[0]!)).toMatchObject({ listName: '名单甲', name: '赵六', idNumber: '340524********001X', phone: '139****5678', origin: '武汉', note: '联系 133****5678' });
    expect(maskedKey(`id:${ID}`)).toBe('id:340524********001X');
    expect(maskedKey('plate:鄂A12345')).toBe('plate:鄂A12345');
  });
});
