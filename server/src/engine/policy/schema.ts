// The policy's JSON Schema: validation (ajv's code generated from it, validate-policy.ts), and the
// descriptions that completion and hover show. The same file is copied to dist/ and contributed to
// VS Code's YAML tooling (yamlValidation).

import type { ErrorObject, ValidateFunction } from 'ajv';
import schemaJson from './policy.schema.json';
import { validate as generated } from './validate-policy';

export const policySchema = schemaJson as unknown as JsonSchema;

export interface JsonSchema {
  $ref?: string;
  type?: string;
  description?: string;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema | boolean>;
  additionalProperties?: JsonSchema | boolean;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  definitions?: Record<string, JsonSchema>;
  minimum?: number;
  maximum?: number;
  pattern?: string;
}

const validator = generated as ValidateFunction;

export function validate(value: unknown): ErrorObject[] {
  return validator(value) ? [] : [...(validator.errors ?? [])];
}

/** Follows `$ref`s to the definition; a `$ref` with its own description keeps it. */
export function deref(s: JsonSchema | boolean | undefined): JsonSchema | undefined {
  if (!s || s === true) return undefined;
  let node = s;
  const seen = new Set<string>();
  while (node.$ref && !seen.has(node.$ref)) {
    seen.add(node.$ref);
    const name = node.$ref.replace('#/definitions/', '');
    // A $ref with its own description keeps it: the local text is more specific.
    node = { ...policySchema.definitions?.[name], ...(node.description ? { description: node.description } : {}) };
  }
  return node;
}

/** The properties an object schema allows, including those pulled in through allOf. */
export function propertiesOf(s: JsonSchema | undefined): Record<string, JsonSchema> {
  const out: Record<string, JsonSchema> = {};
  const node = deref(s);
  if (!node) return out;
  for (const part of [node, ...(node.allOf ?? []).map(deref), ...(node.anyOf ?? []).map(deref)]) {
    for (const [k, v] of Object.entries(part?.properties ?? {})) {
      const d = deref(v);
      if (d && !out[k]) out[k] = d;
      else if (d && out[k] && !out[k].description) out[k] = d;
    }
  }
  return out;
}

/** The schema for a path of keys and indexes, e.g. ['headers', 'copyright', 'holder']. */
export function schemaAt(path: (string | number)[]): JsonSchema | undefined {
  let node: JsonSchema | undefined = deref(policySchema);
  for (const key of path) {
    if (!node) return undefined;
    if (typeof key === 'number') {
      node = deref(node.items);
      continue;
    }
    const props = propertiesOf(node);
    node = props[key] ?? deref(node.additionalProperties);
  }
  return node;
}

/** The names an object at `path` may hold (keys of properties, or the propertyNames enum). */
export function keysAt(path: (string | number)[]): { name: string; description?: string }[] {
  const node = schemaAt(path);
  const props = propertiesOf(node);
  const names: { name: string; description?: string }[] = Object.entries(props).map(([name, s]) => ({ name, description: s.description }));
  const enumNames = node?.propertyNames?.enum as string[] | undefined;
  if (enumNames) names.push(...enumNames.map((name) => ({ name })));
  return names;
}
