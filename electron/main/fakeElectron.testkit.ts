// A recording stand-in for the parts of Electron that index.ts touches, so the lifecycle
// wiring (order of calls, IPC registration, window options, security hooks) can be checked
// in Node. It proves the wiring calls Electron as intended, not that Electron then behaves.
import { EventEmitter } from 'node:events';

type Listener = (...args: unknown[]) => unknown;

export class FakeWebContents extends EventEmitter {
  mainFrame = { routingId: 1, processId: 11, url: '' };
  sent: unknown[][] = [];
  windowOpenHandler: Listener | undefined;
  reloads = 0;
  getType() {
    return 'window';
  }
  send(...args: unknown[]) {
    this.sent.push(args);
  }
  setWindowOpenHandler(fn: Listener) {
    this.windowOpenHandler = fn;
  }
  reload() {
    this.reloads++;
  }
  print(_opts: unknown, cb: (ok: boolean, reason: string) => void) {
    cb(true, '');
  }
  async printToPDF() {
    return Buffer.from('%PDF');
  }
}

/** The fake in use; index.ts constructs windows with `new BrowserWindow(opts)`, so they find it here. */
let world: { windows: FakeBrowserWindow[]; calls: string[]; appEvents: EventEmitter } = { windows: [], calls: [], appEvents: new EventEmitter() };

export class FakeBrowserWindow extends EventEmitter {
  options: Record<string, unknown>;
  webContents = new FakeWebContents();
  loaded: string[] = [];
  visible = false;
  minimized = true;
  focused = 0;
  constructor(options: Record<string, unknown>) {
    super();
    this.options = options;
    world.windows.push(this);
    world.calls.push('new BrowserWindow');
    world.appEvents.emit('web-contents-created', {}, this.webContents);
  }
  async loadFile(file: string) {
    this.loaded.push(`file:${file}`);
    this.webContents.mainFrame.url = `file://${file}`;
  }
  async loadURL(url: string) {
    this.loaded.push(url);
    this.webContents.mainFrame.url = url;
  }
  destroyed = false;
  isDestroyed() {
    return this.destroyed;
  }
  destroy() {
    this.destroyed = true;
    this.emit('closed');
  }
  isVisible() {
    return this.visible;
  }
  isMinimized() {
    return this.minimized;
  }
  restore() {
    this.minimized = false;
  }
  show() {
    this.visible = true;
  }
  focus() {
    this.focused++;
  }
}

export function createFakeElectron() {
  const calls: string[] = [];
  const paths: Record<string, string> = { userData: '/default/userData', documents: '/home/u/Documents', home: '/home/u' };
  const appEvents = new EventEmitter();
  let resolveReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    resolveReady = resolve;
  });
  const windows: FakeBrowserWindow[] = [];
  const handlers = new Map<string, Listener>();
  const session = {
    permissionRequest: undefined as Listener | undefined,
    permissionCheck: undefined as Listener | undefined,
    devicePermission: undefined as Listener | undefined,
    beforeRequest: undefined as Listener | undefined,
    protocolHandlers: new Map<string, Listener>(),
  };
  const state = { lock: true, menus: [] as unknown[], popups: [] as unknown[], errorBoxes: [] as string[][], exitCode: undefined as number | undefined, quit: 0, privilegedSchemes: [] as { scheme: string; privileges: Record<string, boolean> }[] };

  world = { windows, calls, appEvents };

  const electron = {
    app: {
      isPackaged: false,
      on: (event: string, fn: Listener) => appEvents.on(event, fn),
      whenReady: () => ready,
      getPath: (name: string) => paths[name] ?? `/fake/${name}`,
      setPath: (name: string, value: string) => {
        calls.push(`setPath:${name}`);
        paths[name] = value;
      },
      getVersion: () => '0.1.0',
      enableSandbox: () => calls.push('enableSandbox'),
      requestSingleInstanceLock: () => {
        calls.push('requestSingleInstanceLock');
        return state.lock;
      },
      quit: () => {
        state.quit++;
      },
      exit: (code: number) => {
        state.exitCode = code;
      },
      setAppUserModelId: () => undefined,
    },
    BrowserWindow: Object.assign(FakeBrowserWindow, { getAllWindows: () => windows }),
    dialog: {
      showErrorBox: (title: string, content: string) => state.errorBoxes.push([title, content]),
      showMessageBox: async () => ({ response: 0 }),
      showSaveDialog: async () => ({ canceled: true }),
    },
    Menu: {
      buildFromTemplate: (template: unknown) => ({ template, popup: () => state.popups.push(template) }),
      setApplicationMenu: (menu: unknown) => state.menus.push(menu),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: Listener) => (session.permissionRequest = fn),
        setPermissionCheckHandler: (fn: Listener) => (session.permissionCheck = fn),
        setDevicePermissionHandler: (fn: Listener) => (session.devicePermission = fn),
        webRequest: { onBeforeRequest: (fn: Listener) => (session.beforeRequest = fn) },
        protocol: { handle: (scheme: string, fn: Listener) => session.protocolHandlers.set(scheme, fn) },
      },
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: { scheme: string; privileges: Record<string, boolean> }[]) => {
        calls.push(`registerSchemesAsPrivileged:${schemes.map((s) => s.scheme).join(',')}`);
        state.privilegedSchemes.push(...schemes);
      },
    },
    ipcMain: {
      handle: (channel: string, fn: Listener) => {
        if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
        handlers.set(channel, fn);
      },
      removeHandler: (channel: string) => handlers.delete(channel),
    },
    shell: { openPath: async () => '' },
    safeStorage: {
      isEncryptionAvailable: () => true,
      encryptString: (s: string) => Buffer.from(s, 'utf8').reverse(),
      decryptString: (b: Buffer) => Buffer.from(b).reverse().toString('utf8'),
    },
    // The real parser process is tested by spawning it (importParser.test.ts); here it is only wired.
    utilityProcess: {
      fork: (modulePath: string) => {
        calls.push(`utilityProcess.fork:${modulePath.split(/[\\/]/).pop() ?? ''}`);
        const child = new EventEmitter() as EventEmitter & { postMessage(m: unknown): void; kill(): boolean };
        child.postMessage = () => undefined;
        child.kill = () => true;
        return child;
      },
    },
  };

  return { electron, calls, paths, appEvents, windows, handlers, session, state, fireReady: () => resolveReady() };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
