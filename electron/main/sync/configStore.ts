// Where a booth keeps its county connection: the setup in a JSON file in the data folder, the
// password only as Electron safeStorage ciphertext (DPAPI / Keychain / libsecret). Where the OS
// offers no encryption, the password is refused rather than written in plain text.
import { readFile, rm } from 'node:fs/promises';
import { boothFileSchema, syncSetupSchema, type SyncConfigure, type SyncSetup } from '../../../shared/sync/batch';
import { fail, ok, type Result } from '../../../shared/result';
import { writeFileAtomic } from '../atomicWrite';
import { z } from 'zod';

/** The part of Electron's safeStorage this needs; tests pass a fake. */
export interface Encryptor {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(cipher: Buffer): string;
}

const storedSchema = z.object({ setup: syncSetupSchema, passwordCipher: z.string().min(1) });

export interface StoredConfig {
  setup: SyncSetup;
  password: string;
}

export function createConfigStore(file: string, encryptor: Encryptor) {
  return {
    async load(): Promise<StoredConfig | null> {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch {
        return null;
      }
      const parsed = storedSchema.safeParse(JSON.parse(text));
      if (!parsed.success || !encryptor.isEncryptionAvailable()) return null;
      return { setup: parsed.data.setup, password: encryptor.decryptString(Buffer.from(parsed.data.passwordCipher, 'base64')) };
    },
    async save(c: SyncConfigure): Promise<Result<null>> {
      if (!encryptor.isEncryptionAvailable()) {
        return fail('sync.noEncryption', '本机系统不提供密码加密存储，不能保存同步密码（绝不以明文保存）', 'This system offers no encrypted storage for the password; it is not saved (never in plain text)');
      }
      const passwordCipher = encryptor.encryptString(c.password).toString('base64');
      const body = JSON.stringify({ setup: c.setup, passwordCipher }, null, 2);
      return writeFileAtomic(file, new TextEncoder().encode(body));
    },
    async forget(): Promise<void> {
      await rm(file, { force: true });
    },
  };
}
export type ConfigStore = ReturnType<typeof createConfigStore>;

/** A booth configuration file handed out by the county administrator. */
export function parseBoothFile(text: string): Result<SyncConfigure> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fail('sync.badFile', '不是有效的卡点同步配置文件（JSON 格式错误）', 'Not a booth sync configuration file (invalid JSON)');
  }
  const parsed = boothFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? `${issue.path.join('.')}: ${issue.message}` : '';
    return fail('sync.badFile', `卡点同步配置文件内容无效：${where}`, `Invalid booth sync configuration file: ${where}`);
  }
  return ok({ setup: parsed.data.setup, password: parsed.data.password });
}
