// Who may do what (issue: operators, roles, masking). One table, read by the screens (to offer a
// button), by the storage layer and by the IPC handlers (to refuse) — never only by hidden buttons.

export const ROLES = ['staff', 'health', 'lead', 'admin'] as const;
/** 执勤人员 (staff: police, auxiliary and traffic police, volunteers), 医务人员 (health), 带班领导 (lead), 管理员 (admin). */
export type Role = (typeof ROLES)[number];

/** The signed-in operator: every record, correction, void, export, import, reveal carries one. */
export interface Actor {
  name: string;
  role: Role;
}

/** Anything that needs more than being a signed-in operator of the shift. */
export const PERMISSIONS = {
  /** Show a full resident ID / phone for one record, for a short time, with a reason. */
  reveal: ['lead', 'admin'],
  /** Export or print with full IDs and phones. */
  exportFull: ['lead', 'admin'],
  /** Search records older than the current and the previous shift. */
  searchBeyondShift: ['lead', 'admin'],
  /** Station settings, key areas, retention period. */
  changeSettings: ['admin'],
  /** Run the retention purge by hand / confirm its first run. */
  purge: ['admin'],
  /** Read and export the audit trail. */
  viewAudit: ['admin'],
  /** Import, replace or retire a watchlist. */
  manageWatchlists: ['lead', 'admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(actor: Actor | null | undefined, permission: Permission): boolean {
  if (!actor) return false;
  return (PERMISSIONS[permission] as readonly Role[]).includes(actor.role);
}
