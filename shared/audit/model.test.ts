import { describe, expect, it } from 'vitest';
import { chainEntry, verifyChain, type AuditEntry, type AuditInput } from './model';

const input = (i: number): AuditInput => ({ at: 1_700_000_000_000 + i, actor: '周医生', role: 'health', action: 'create', target: `v${i}` });

function chain(n: number): AuditEntry[] {
  const out: AuditEntry[] = [];
  for (let i = 0; i < n; i++) out.push(chainEntry(out[out.length - 1], input(i)));
  return out;
}

describe('audit chain', () => {
  it('verifies an untouched chain', () => {
    expect(verifyChain(chain(5))).toEqual({ ok: true, count: 5 });
  });
  it('finds an edited entry', () => {
    const c = chain(5);
    c[2] = { ...c[2]!, actor: '别人' };
    expect(verifyChain(c)).toEqual({ ok: false, seq: 3, problem: 'edited' });
  });
  it('finds a deleted entry', () => {
    const c = chain(5);
    c.splice(1, 1);
    expect(verifyChain(c)).toEqual({ ok: false, seq: 2, problem: 'missing' });
  });
  it('finds a deleted entry whose successors were renumbered', () => {
    const c = chain(4);
    const renumbered = [c[0]!, { ...c[2]!, seq: 2 }, { ...c[3]!, seq: 3 }];
    expect(verifyChain(renumbered).ok).toBe(false);
  });
  it('continues from a verified earlier run', () => {
    const c = chain(6);
    expect(verifyChain(c.slice(3), c[2])).toEqual({ ok: true, count: 3 });
  });
});
