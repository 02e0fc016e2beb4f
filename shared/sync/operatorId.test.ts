import { describe, expect, it } from 'vitest';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { ADMIN_OPERATOR_ID, operatorRowId, operatorUuid, refusedOperatorName, STATION_SHIFT } from './operatorId';

const SHIFT = '0190aaaa-0000-7000-8000-000000000001';
const UUID_V8 = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('operatorUuid', () => {
  it('is a version-8, RFC-variant uuid', () => {
    expect(operatorUuid('南江南高速出口卡点', operatorRowId(SHIFT, '李警官'))).toMatch(UUID_V8);
    expect(operatorUuid('', '')).toMatch(UUID_V8);
  });

  it('is the sha256 of checkpoint NUL row id with only the version and variant bits changed', () => {
    const id = operatorUuid('cp', 'admin');
    const hex = bytesToHex(sha256(utf8ToBytes('cp\u0000admin'))).slice(0, 32);
    const got = id.replaceAll('-', '');
    // Every nibble but the version (12) and the variant's top bits (16) is the hash's.
    expect(got.slice(0, 12)).toBe(hex.slice(0, 12));
    expect(got.slice(13, 16)).toBe(hex.slice(13, 16));
    expect(parseInt(got[16]!, 16) & 0x3).toBe(parseInt(hex[16]!, 16) & 0x3);
    expect(got.slice(17)).toBe(hex.slice(17));
  });

  it('is the same for the same input and differs per checkpoint and per row', () => {
    const a = operatorUuid('南江南高速出口卡点', operatorRowId(SHIFT, '李警官'));
    expect(operatorUuid('南江南高速出口卡点', operatorRowId(SHIFT, '李警官'))).toBe(a);
    expect(operatorUuid('成绵高速黄许出口卡点', operatorRowId(SHIFT, '李警官'))).not.toBe(a);
    expect(operatorUuid('南江南高速出口卡点', operatorRowId(SHIFT, '王队长'))).not.toBe(a);
    // The NUL separator keeps "a"+"bc" and "ab"+"c" apart.
    expect(operatorUuid('a', 'bc')).not.toBe(operatorUuid('ab', 'c'));
  });
});

describe('operatorRowId', () => {
  it('keys members by shift and name, the administrator as admin', () => {
    expect(operatorRowId(SHIFT, '李警官')).toBe(`${SHIFT}\u0000李警官`);
    expect(operatorRowId(STATION_SHIFT, '张管理')).toBe(ADMIN_OPERATOR_ID);
    expect(refusedOperatorName(operatorRowId(SHIFT, '李警官'))).toBe('李警官');
    expect(refusedOperatorName(ADMIN_OPERATOR_ID)).toBe('admin');
  });
});
