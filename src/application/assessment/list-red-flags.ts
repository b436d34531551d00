import type { HumanRightsPolicySource } from '../ports/human-rights-policy-source.ts';

/** One red flag as the application form offers it. */
export interface RedFlagChoice {
  readonly id: string;
  readonly source: string;
  readonly category: string;
  readonly text: string;
  readonly textStatus: string;
}

/**
 * The red flags an exporter may report (BIS Know Your Customer, EU 2024/2659, derived), with
 * their descriptions and the status of each text, by category then id: the form's pick list.
 */
export async function listRedFlags(
  deps: Pick<HumanRightsPolicySource, 'humanRightsReference'>,
): Promise<readonly RedFlagChoice[]> {
  const reference = await deps.humanRightsReference();
  return reference.redFlags
    .map((f) => ({
      id: f.id,
      source: f.source,
      category: f.category,
      text: f.text.text,
      textStatus: f.text.textStatus,
    }))
    .sort((a, b) => a.category.localeCompare(b.category) || a.id.localeCompare(b.id));
}
