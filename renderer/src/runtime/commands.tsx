// One command bus for keyboard shortcuts and the Electron menu, so a key and a menu item
// always do the same thing and a command has exactly one owner at a time.
import { createContext, useContext, useEffect, useRef } from 'react';
import type { MenuCommand } from '../../../shared/ipc';

/** Renderer-only commands (no menu item): recall a repeat vehicle; go to the 待复测 list. */
export type Command = MenuCommand | 'recall' | 'recheckQueue';

export type CommandBus = {
  register(command: Command, handler: () => void): () => void;
  dispatch(command: Command): boolean;
};

/**
 * Handlers stack per command: the latest registration answers, and when it goes (a dialog
 * closes) the previous owner answers again — e.g. Ctrl+P prints from the print dialog while it is
 * open and opens it again afterwards.
 */
export function createCommandBus(): CommandBus {
  const handlers = new Map<Command, (() => void)[]>();
  return {
    register(command, handler) {
      const stack = handlers.get(command) ?? [];
      stack.push(handler);
      handlers.set(command, stack);
      return () => {
        const i = stack.lastIndexOf(handler);
        if (i >= 0) stack.splice(i, 1);
      };
    },
    dispatch(command) {
      const stack = handlers.get(command);
      const h = stack?.[stack.length - 1];
      h?.();
      return h !== undefined;
    },
  };
}

export const CommandContext = createContext<CommandBus>(createCommandBus());

export function useCommandBus(): CommandBus {
  return useContext(CommandContext);
}

/** Registers the latest handler for a command while the component is mounted. */
export function useCommand(command: Command, handler: () => void, enabled = true): void {
  const bus = useCommandBus();
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => (enabled ? bus.register(command, () => ref.current()) : undefined), [bus, command, enabled]);
}

/** The key → command table, also shown in the help dialog. */
export function commandForKey(e: KeyboardEvent): Command | undefined {
  const ctrl = e.ctrlKey || e.metaKey;
  if (e.altKey) return undefined;
  if (!ctrl) {
    switch (e.key) {
      case 'F1':
        return 'help';
      case 'F2':
        return 'addOccupant';
      case 'F3':
        return 'recall';
      case 'F4':
        return 'recheckQueue';
      case 'F9':
        return 'save';
      default:
        return undefined;
    }
  }
  switch (e.key.toLowerCase()) {
    case 's':
      return 'save';
    case 'enter':
      return 'save';
    case 'f':
      return 'search';
    case 'i':
      return 'incident';
    case 'n':
      return 'newVehicle';
    case ',':
      return 'settings';
    case 'p':
      return 'print';
    case 'e':
      return 'exportHandover';
    default:
      return undefined;
  }
}
