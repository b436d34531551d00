import { CaseReferencesSchema, type CaseReferences } from '../../../src/contracts/references.ts';
import { api } from '../api/client.ts';
import { useLoad } from './common.tsx';

const cache = new Map<string, Promise<CaseReferences>>();

/** The case forms' pick lists (`GET /v1/references/cases`), fetched once per jurisdiction. */
export function loadCaseReferences(jurisdiction = ''): Promise<CaseReferences> {
  const key = jurisdiction.toUpperCase();
  let found = cache.get(key);
  if (found === undefined) {
    found = api(
      CaseReferencesSchema,
      'GET',
      `/v1/references/cases${/^[A-Z]{2}$/.test(key) ? `?jurisdiction=${key}` : ''}`,
    );
    found.catch(() => cache.delete(key));
    cache.set(key, found);
  }
  return found;
}

export function useCaseReferences(jurisdiction = '') {
  return useLoad(() => loadCaseReferences(jurisdiction), `references-${jurisdiction}`)[0];
}

/** A `<datalist>` of country codes with their names, for inputs with `list={id}`. */
export function CountryList({ id }: { readonly id: string }) {
  const loaded = useCaseReferences();
  return (
    <datalist id={id}>
      {loaded.state === 'ready' &&
        loaded.value.countries.map((c) => (
          <option key={c.code} value={c.code}>
            {c.name}
          </option>
        ))}
    </datalist>
  );
}
