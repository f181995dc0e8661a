/** The suite's five kinds of account; each is checked on the server for every API route. */
export const ROLES = ['enterprise', 'department', 'dispatcher', 'oversight', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The signed-in account as the server knows it: role plus what it is bound to. */
export interface Principal {
  accountId: number;
  username: string;
  role: Role;
  /** Set for enterprise accounts: the one credit code they may reach. */
  creditCode: string | null;
  /** Set for department officers: e.g. SAMR. */
  department: string | null;
  /** Set for a department officer bound to a certificate number (执法证号): whose visits are "mine". */
  officerId: string | null;
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
