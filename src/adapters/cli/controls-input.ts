import { Type, type TSchema } from 'typebox';
import { Value } from 'typebox/value';
import type { ItemToClassify } from '../../domain/classification/classify-item.ts';
import type { EndUseKnowledge } from '../../domain/classification/licence-requirement.ts';
import type { PartyScreeningInput } from '../../application/classification/parse-transaction.ts';
import {
  ControlsCompareRequestSchema,
  ItemSchema,
  type ControlsCompareRequest,
  type ItemJson,
} from '../../contracts/controls.ts';
import { cordonError, type CordonError, type FieldProblem } from '../../domain/shared/errors.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';

/**
 * What `cordon classify` and `cordon controls compare` read from ITEM.json: either one item (the
 * body of `POST /v1/classify`) or a transaction (the body of `POST /v1/controls/compare`, where the
 * destination may be left to `--destination`).
 */
export interface ItemsFile {
  readonly form: 'item' | 'transaction';
  readonly items: readonly ItemToClassify[];
  readonly destination?: { readonly country: string; readonly region?: string };
  readonly parties?: readonly PartyScreeningInput[];
  readonly endUse?: EndUseKnowledge;
  readonly jurisdictions?: readonly string[];
}

const TransactionFileSchema = Type.Object({
  ...ControlsCompareRequestSchema.properties,
  destination: Type.Optional(ControlsCompareRequestSchema.properties.destination),
});

/**
 * Checks the shape of an item file against the API's schemas, naming every offending field at once
 * (`items[0].capabilities[1] must be one of: ...`, `destination.contry is not a known field`).
 * The values themselves (country codes, question ids) are checked by the use cases.
 */
export function parseItemsFile(file: string, content: unknown): Result<ItemsFile, CordonError> {
  if (typeof content !== 'object' || content === null || Array.isArray(content)) {
    return err(
      cordonError(
        'CORDON_VALIDATION_FAILED',
        `${file} must hold a JSON object: one item (with "description") or a transaction (with "items").`,
      ),
    );
  }
  const form = 'items' in content ? 'transaction' : 'item';
  const schema = form === 'item' ? ItemSchema : TransactionFileSchema;
  const problems = [...schemaProblems(schema, content), ...unknownFields(schema, content, '')];
  if (problems.length > 0) {
    return err(
      cordonError(
        'CORDON_VALIDATION_FAILED',
        problems.length === 1
          ? `${file} is not an item or transaction as expected`
          : `${file} has ${problems.length} problems`,
        problems,
      ),
    );
  }
  if (form === 'item') return ok({ form, items: [content as ItemJson] });
  const t = content as Omit<ControlsCompareRequest, 'destination'> &
    Partial<Pick<ControlsCompareRequest, 'destination'>>;
  return ok({
    form,
    items: t.items,
    ...(t.destination ? { destination: t.destination } : {}),
    ...(t.parties ? { parties: t.parties } : {}),
    ...(t.endUse ? { endUse: t.endUse } : {}),
    ...(t.jurisdictions ? { jurisdictions: t.jurisdictions } : {}),
  });
}

const fieldOf = (segments: readonly string[]): string =>
  segments.reduce(
    (path, s) => (/^\d+$/.test(s) ? `${path}[${s}]` : path === '' ? s : `${path}.${s}`),
    '',
  );

function schemaProblems(schema: TSchema, value: unknown): FieldProblem[] {
  return [...Value.Errors(schema, value)].flatMap((issue): FieldProblem[] => {
    const segments = issue.instancePath
      .split('/')
      .filter((s) => s !== '')
      .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    const params = issue.params as Record<string, unknown>;
    if (issue.keyword === 'required' && Array.isArray(params['requiredProperties'])) {
      return (params['requiredProperties'] as string[]).map((p) => ({
        field: fieldOf([...segments, p]),
        problem: 'is required',
      }));
    }
    if (issue.keyword === 'enum' && Array.isArray(params['allowedValues'])) {
      return [
        {
          field: fieldOf(segments),
          problem: `must be one of: ${(params['allowedValues'] as unknown[]).join(', ')}`,
        },
      ];
    }
    return [{ field: fieldOf(segments) || '(the file)', problem: issue.message }];
  });
}

/** Fields the schema does not know, which would otherwise be ignored silently (a typo such as "capabilites"). */
function unknownFields(schema: TSchema, value: unknown, path: string): FieldProblem[] {
  const s = schema as { type?: unknown; properties?: Record<string, TSchema>; items?: TSchema };
  if (s.type === 'array' && s.items && Array.isArray(value)) {
    const items = s.items;
    return value.flatMap((v, i) => unknownFields(items, v, `${path}[${i}]`));
  }
  if (!s.properties || typeof value !== 'object' || value === null || Array.isArray(value)) {
    return [];
  }
  const properties = s.properties;
  return Object.entries(value).flatMap(([key, v]) => {
    const field = path === '' ? key : `${path}.${key}`;
    const child = properties[key];
    return child ? unknownFields(child, v, field) : [{ field, problem: 'is not a known field' }];
  });
}
