/**
 * What a user may do. Exporters act for their own organisation only; the other roles belong to a
 * licensing authority (or, for `advisor`, an advising department).
 */
export const roles = [
  'exporter',
  'caseworker',
  'advisor',
  'senior-officer',
  'administrator',
  'auditor',
] as const;

export type Role = (typeof roles)[number];
