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

  it('gives an open dialog the keyboard: Ctrl+S saves the dialog, never the form behind it', () => {
    const bus = createCommandBus();
    const calls: string[] = [];
    bus.register('save', () => calls.push('form'));
    bus.register('incident', () => calls.push('open incident'));
    const closeLayer = bus.openLayer();
    const offDialog = bus.register('save', () => calls.push('incident saved'));
    expect(bus.dispatch('save')).toBe(true);
    // A command the dialog does not offer is taken (so the browser does nothing either) but runs nothing.
    expect(bus.dispatch('incident')).toBe(true);
    offDialog();
    expect(bus.dispatch('save')).toBe(true);
    closeLayer();
    bus.dispatch('save');
    expect(calls).toEqual(['incident saved', 'form']);
  });

  it('stacks dialogs: the top one owns the keys, the one below gets them back when it closes', () => {
    const bus = createCommandBus();
    const calls: string[] = [];
    const closeA = bus.openLayer();
    bus.register('save', () => calls.push('a'));
    const closeB = bus.openLayer();
    bus.dispatch('save');
    closeB();
    bus.dispatch('save');
    closeA();
    expect(bus.dispatch('save')).toBe(false);
    expect(calls).toEqual(['a']);
  });
});
