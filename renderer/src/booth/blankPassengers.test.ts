import { describe, expect, it } from 'vitest';
import { emptyOccupant, emptyVehicleDraft } from '../../../shared/registration';
import { withoutBlankPassengers } from './blankPassengers';

const person = (key: string, name: string) => ({ ...emptyOccupant(key, 'passenger'), name });

describe('withoutBlankPassengers', () => {
  it('drops the empty lines Enter added after the last person, never the driver', () => {
    const d = emptyVehicleDraft('d');
    expect(withoutBlankPassengers(d).occupants).toHaveLength(1);
    const two = { ...d, occupants: [person('a', '张三'), emptyOccupant('b', 'passenger'), emptyOccupant('c', 'passenger')] };
    expect(withoutBlankPassengers(two).occupants.map((o) => o.key)).toEqual(['a']);
  });

  it('keeps a line with anything typed in it, and an empty line between people', () => {
    const typedTemp = { ...emptyOccupant('b', 'passenger'), temp: '36.6' };
    expect(withoutBlankPassengers({ ...emptyVehicleDraft('x'), occupants: [person('a', '张三'), typedTemp] }).occupants).toHaveLength(2);
    const gap = { ...emptyVehicleDraft('x'), occupants: [person('a', '张三'), emptyOccupant('b', 'passenger'), person('c', '李四')] };
    expect(withoutBlankPassengers(gap)).toBe(gap);
  });
});
