/** Tells whether a jurisdiction's policy has a version (the shipped policy files, read once). */
export interface PolicyVersionLookup {
  policyVersionExists(jurisdiction: string, version: number): Promise<boolean>;
}
