// Role checks where data is touched (issue: who may see what). Every storage function that needs
// more than a signed-in operator calls requirePermission() first and returns its failure as is:
// a hidden button is a convenience, this is the rule. The roles table is shared/privacy/roles.ts.
import { can, PERMISSIONS, type Actor, type Permission } from '../../../shared/privacy/roles';
import { fail, type Result } from '../../../shared/result';
import { en, zh } from '../../../shared/i18n/strings';

const roleWords = (permission: Permission, table: Record<string, string>): string[] =>
  PERMISSIONS[permission].map((r) => table[`role_${r}`] ?? r);

/** The refusal, naming who may: 「仅限带班领导、管理员」. */
export function denied<T = never>(permission: Permission, actor: Actor | null | undefined): Result<T> {
  const zhWho = roleWords(permission, zh).join('、');
  const enWho = roleWords(permission, en).join(' or ');
  if (!actor) return fail('access.signedOut', `未登录，不能操作（仅限${zhWho}）`, `Nobody is signed in (only ${enWho})`);
  return fail(
    'access.denied',
    `${actor.name}（${zh[`role_${actor.role}`]}）无此权限：仅限${zhWho}`,
    `${actor.name} (${en[`role_${actor.role}`]}) may not do this: only ${enWho}`,
  );
}

/** undefined when the actor may; otherwise the Result to return. */
export function requirePermission(actor: Actor | null | undefined, permission: Permission): Result<never> | undefined {
  return can(actor, permission) ? undefined : denied(permission, actor);
}

/** A write by nobody: every record carries its operator. */
export function requireActor(actor: Actor | null | undefined): Result<never> | undefined {
  if (actor && actor.name.trim()) return undefined;
  return fail('access.signedOut', '未登录，不能操作', 'Nobody is signed in');
}
