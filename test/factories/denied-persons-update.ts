/**
 * A Denied Persons List file (BIS's tab-separated layout) naming one party in Urumqi: the list
 * update that end-to-end tests import to see what a newly listed party sets off.
 */
export function deniedPersonsFile(name: string): string {
  return [
    '"Name"\t"Street_Address"\t"City"\t"State"\t"Country"\t"Postal_Code"\t"Effective_Date"\t"Expiration_Date"\t"Standard_Order"\t"Last_Update"\t"Action"\t"FR_Citation"',
    `"${name}"\t"1 Test Road"\t"URUMQI"\t""\t"CN"\t""\t"11/20/2026"\t"11/20/2036"\t"Y"\t"2026-11-21"\t"F.R. NOTICE ADDED"\t"91 F.R. 1 11/21/2026"`,
    '',
  ].join('\r\n');
}

/**
 * Imports `deniedPersonsFile(name)` through `POST /v1/lists/import`, dated and with the reason the
 * shrink guard asks for; resolves with the response.
 */
export function importDeniedPersonsUpdate(
  url: string,
  adminToken: string,
  name: string,
): Promise<Response> {
  const form = new FormData();
  form.set('source', 'us-bis-dpl');
  // The Denied Persons List states no data date of its own: the importer gives it.
  form.set('dataDate', '2026-11-21');
  // One entry replaces the list: a shrink the guard refuses unless it is said to be intended.
  form.set('allowShrink', 'end-to-end test: a one-entry Denied Persons List update');
  form.set('files', new Blob([deniedPersonsFile(name)]), 'dpl.txt');
  return fetch(`${url}/v1/lists/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}` },
    body: form,
  });
}
