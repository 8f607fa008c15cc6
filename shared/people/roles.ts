/** Roles assigned to a person. "manager" is not a role: it follows from leading a unit. */
export const roles = ['employee', 'editor', 'mover', 'hr', 'admin'] as const;
export type Role = (typeof roles)[number];
