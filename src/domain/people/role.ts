/**
 * What a user may do. Exporters act for their own organisation only; `commenter` (industry,
 * academia, civil society) may only comment on public consultations; the other roles belong to a
 * licensing authority (or, for `advisor`, an advising department).
 */
export const roles = [
  'exporter',
  'caseworker',
  'advisor',
  'senior-officer',
  'administrator',
  'auditor',
  'commenter',
] as const;

export type Role = (typeof roles)[number];

/**
 * Every role but `commenter`: the people of exporters, authorities and advising departments, who
 * screen, read the pick lists and see (their own) cases. A commenter sees none of that.
 */
export const workRoles: readonly Role[] = roles.filter((role) => role !== 'commenter');
