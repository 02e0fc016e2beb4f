// The signed-in operator as it crosses IPC: main validates it and checks `can()` itself rather
// than trusting a button the renderer hid (electron/main/ipcCore.ts accessOf).
import { z } from 'zod';
import { ROLES } from './roles';

export const actorSchema = z.object({ name: z.string().trim().min(1).max(60), role: z.enum(ROLES) });
