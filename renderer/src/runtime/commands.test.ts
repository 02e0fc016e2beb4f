import { describe, expect, it } from 'vitest';
import { createCommandBus } from './commands';

describe('command bus', () => {
  it('runs the latest handler and gives the command back to the previous one when it goes', () => {
    const bus = createCommandBus();
    const calls: string[] = [];
    const offBooth = bus.register('print', () => calls.push('booth'));
    const offDialog = bus.register('print', () => calls.push('dialog'));
    expect(bus.dispatch('print')).toBe(true);
    offDialog();
    bus.dispatch('print');
    offDialog(); // twice is harmless
    bus.dispatch('print');
    offBooth();
    expect(bus.dispatch('print')).toBe(false);
    expect(calls).toEqual(['dialog', 'booth', 'booth']);
  });

  it('removes the right registration when the same command is registered out of order', () => {
    const bus = createCommandBus();
    const calls: string[] = [];
    const offA = bus.register('save', () => calls.push('a'));
    bus.register('save', () => calls.push('b'));
    offA();
    bus.dispatch('save');
    expect(calls).toEqual(['b']);
  });
});
