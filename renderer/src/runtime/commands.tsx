// One command bus for keyboard shortcuts and the Electron menu, so a key and a menu item
// always do the same thing and a command has exactly one owner at a time.
import { createContext, useContext, useLayoutEffect, useRef } from 'react';
import type { KeyCommand } from '../../../shared/keyboard';

export type Command = KeyCommand;

export type CommandBus = {
  register(command: Command, handler: () => void): () => void;
  /** Returns true when the command was taken (run, or swallowed because a dialog owns the keys). */
  dispatch(command: Command): boolean;
  /** A modal dialog opened: from now on only handlers registered while it is on top answer. */
  openLayer(): () => void;
};

interface Registration {
  handler: () => void;
  /** The dialog layer that was on top when the handler registered (0 = the screen itself). */
  layer: number;
}

/**
 * Handlers stack per command: the latest registration answers, and when it goes (a dialog
 * closes) the previous owner answers again — e.g. Ctrl+P prints from the print dialog while it is
 * open and opens it again afterwards.
 *
 * An open dialog owns the keyboard: while a layer is open, a command reaches only handlers the
 * dialog registered (Ctrl+S saves the incident, never the hidden registration form behind it);
 * a command the dialog does not offer is swallowed, so nothing acts behind the dialog.
 */
export function createCommandBus(): CommandBus {
  const handlers = new Map<Command, Registration[]>();
  const layers: number[] = [];
  let nextLayer = 1;
  const top = () => layers[layers.length - 1] ?? 0;
  return {
    register(command, handler) {
      const stack = handlers.get(command) ?? [];
      const reg = { handler, layer: top() };
      stack.push(reg);
      handlers.set(command, stack);
      return () => {
        const i = stack.lastIndexOf(reg);
        if (i >= 0) stack.splice(i, 1);
      };
    },
    dispatch(command) {
      const layer = top();
      const stack = (handlers.get(command) ?? []).filter((r) => r.layer === layer);
      const h = stack[stack.length - 1];
      h?.handler();
      return h !== undefined || layer !== 0;
    },
    openLayer() {
      const id = nextLayer++;
      layers.push(id);
      return () => {
        const i = layers.lastIndexOf(id);
        if (i >= 0) layers.splice(i, 1);
      };
    },
  };
}

export const CommandContext = createContext<CommandBus>(createCommandBus());

export function useCommandBus(): CommandBus {
  return useContext(CommandContext);
}

/**
 * Registers the latest handler for a command while the component is mounted.
 *
 * A layout effect, not a passive one: React runs passive effects of a screen that appeared after
 * a data load (the booth screen once the new shift is read) only after the browser has painted it,
 * so a key pressed the moment the screen shows (Ctrl+I straight after 开班) found no handler and
 * did nothing. Layout effects run before the paint: whatever is on screen already answers its keys.
 */
export function useCommand(command: Command, handler: () => void, enabled = true): void {
  const bus = useCommandBus();
  const ref = useRef(handler);
  ref.current = handler;
  useLayoutEffect(() => (enabled ? bus.register(command, () => ref.current()) : undefined), [bus, command, enabled]);
}

/** Keys → commands come from the one keyboard table in shared/keyboard.ts. */
export { commandForKey } from '../../../shared/keyboard';
