import { describe, expect, it } from 'vitest';
import { nameConflict, recognisableId, sameName } from './recognition';

describe('recognisableId', () => {
  it('only a complete, valid resident ID is looked up', () => {
    expect(recognisableId('residentId', '34052419800101001x', '2026-12-03')).toBe('34052419800101001X');
    expect(recognisableId('residentId', '3405241980010100', '2026-12-03')).toBeUndefined();
    expect(recognisableId('residentId', '340524198001010011', '2026-12-03')).toBeUndefined(); // check digit
    expect(recognisableId('passport', 'E12345678', '2026-12-03')).toBeUndefined();
  });
});

describe('names', () => {
  it('compare without spaces, full-width forms and middle-dot variants', () => {
    expect(sameName('买买提·艾力', '买买提•艾力')).toBe(true);
    expect(sameName(' 张 三', '张三')).toBe(true);
    expect(sameName('张三', '张叁')).toBe(false);
  });

  it('a typed name none of the earlier ones is a conflict; agreeing names are not', () => {
    expect(nameConflict({ names: ['张三'] }, '张三')).toEqual([]);
    expect(nameConflict({ names: ['张三'] }, '')).toEqual([]);
    expect(nameConflict({ names: ['张三'] }, '李四')).toEqual(['李四', '张三']);
  });
});
