// The managed storage schema Chrome validates policies against (public/managed-schema.json) and the
// zod schemas LeadLens reads them with (lib/domain/policy-schema.ts) must describe the same policy.
// Chrome refuses to load an extension whose schema breaks its rules, and drops a policy value that
// does not fit the schema before LeadLens sees it: both are checked here, offline.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { POLICY_FIELDS, readPolicy } from '../../../lib/domain/policy-schema';
import example from '../../e2e/policy-example.json';

interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  additionalProperties?: unknown;
  [keyword: string]: unknown;
}

const schema = JSON.parse(readFileSync(join(__dirname, '../../../public/managed-schema.json'), 'utf8')) as JsonSchema;

/** The keywords Chrome's policy schema reads (components/policy/core/common/schema.cc), and the descriptive ones it skips. */
const KNOWN = ['type', 'properties', 'items', 'additionalProperties', 'patternProperties', 'enum', 'minimum', 'maximum', 'pattern', 'required', 'id', '$ref', 'title', 'description', 'sensitiveValue'];
const TYPES = ['object', 'array', 'string', 'integer', 'number', 'boolean'];

/** Where a schema breaks Chrome's rules: every schema has exactly one type, objects list their properties. */
function ruleBreaks(node: JsonSchema, path: string): string[] {
  const own = [
    ...Object.keys(node).filter((keyword) => !KNOWN.includes(keyword)).map((keyword) => `${path}: unknown keyword ${keyword}`),
    ...(TYPES.includes(node.type ?? '') ? [] : [`${path}: type ${node.type} is not one Chrome knows`]),
    ...(node.type === 'array' && !node.items ? [`${path}: an array without items`] : []),
    ...(node.type === 'object' && !node.properties ? [`${path}: an object without properties`] : []),
  ];
  const children = [...Object.entries(node.properties ?? {}).map(([name, child]) => ruleBreaks(child, `${path}.${name}`)), node.items ? ruleBreaks(node.items, `${path}[]`) : []];
  return [...own, ...children.flat()];
}

/** Where a value does not fit the schema, as Chrome would find before dropping it. */
function misfits(value: unknown, node: JsonSchema, path: string): string[] {
  const kind = Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value;
  const fits = node.type === kind || (node.type === 'number' && kind === 'integer');
  if (!fits) return [`${path}: ${kind}, not ${node.type}`];
  if (Array.isArray(value)) return value.flatMap((item, index) => misfits(item, node.items!, `${path}[${index}]`));
  if (kind !== 'object') return [];
  return Object.entries(value as object).flatMap(([name, member]) => (node.properties?.[name] ? misfits(member, node.properties[name]!, `${path}.${name}`) : [`${path}.${name}: not in the schema`]));
}

describe('the managed storage schema', () => {
  it('declares exactly the fields a policy may set, as Chrome requires a top level to be', () => {
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toBeUndefined();
    expect(Object.keys(schema.properties ?? {}).sort()).toEqual([...POLICY_FIELDS].sort());
  });

  it("keeps to Chrome's schema rules everywhere", () => {
    expect(ruleBreaks(schema, 'schema')).toEqual([]);
  });

  it('takes the README example, which LeadLens then reads without a problem', () => {
    expect(misfits(example, schema, 'policy')).toEqual([]);
    expect(readPolicy(example, 'organisation').problems).toEqual([]);
  });

  it('hides the token in chrome://policy', () => {
    expect(schema.properties?.source?.properties?.token).toMatchObject({ type: 'string', sensitiveValue: true });
  });

  it('would notice a value that does not fit (positive control)', () => {
    expect(misfits({ slaPolicy: { dueSoonMinutes: 'soon' }, colour: 'blue' }, schema, 'policy')).toEqual([
      'policy.slaPolicy.dueSoonMinutes: string, not integer',
      'policy.colour: not in the schema',
    ]);
  });
});
