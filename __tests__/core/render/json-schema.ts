/**
 * A small JSON Schema (2020-12) validator for the keywords docs/report.schema.json uses: type,
 * const, enum, required, properties, additionalProperties, items, $ref (local "#/..."), minimum,
 * exclusiveMinimum, oneOf, and the annotations $schema, $id, $defs, title, description. Any other keyword
 * throws, so the schema cannot silently outgrow the validator.
 */
type Schema = Record<string, unknown>;

const ANNOTATIONS = new Set(['$schema', '$id', '$defs', 'title', 'description']);
const KEYWORDS = new Set([
  'type',
  'const',
  'enum',
  'required',
  'properties',
  'additionalProperties',
  'items',
  '$ref',
  'minimum',
  'exclusiveMinimum',
  'oneOf',
]);

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function resolveRef(root: Schema, ref: string): Schema {
  if (!ref.startsWith('#/')) throw new Error(`unsupported $ref ${ref}`);
  let node: unknown = root;
  for (const part of ref.slice(2).split('/')) node = (node as Schema)[part];
  if (typeof node !== 'object' || node === null) throw new Error(`unresolved $ref ${ref}`);
  return node as Schema;
}

/** Returns the list of violations ("path: problem"); empty when `value` matches `schema`. */
export function validate(value: unknown, schema: Schema, root: Schema = schema, path = '$'): string[] {
  const errors: string[] = [];
  for (const key of Object.keys(schema)) {
    if (!KEYWORDS.has(key) && !ANNOTATIONS.has(key)) throw new Error(`validator does not support keyword ${key}`);
  }
  if (typeof schema.$ref === 'string') errors.push(...validate(value, resolveRef(root, schema.$ref), root, path));
  if (Array.isArray(schema.oneOf)) {
    const matching = (schema.oneOf as Schema[]).filter((s) => validate(value, s, root, path).length === 0).length;
    if (matching !== 1) errors.push(`${path}: matches ${matching} of oneOf's ${schema.oneOf.length} schemas, not 1`);
  }
  const actual = typeOf(value);
  if (schema.type !== undefined) {
    const allowed = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    const ok = allowed.includes(actual) || (actual === 'integer' && allowed.includes('number'));
    if (!ok) return [...errors, `${path}: expected ${allowed.join('|')}, got ${actual}`];
  }
  if ('const' in schema && JSON.stringify(value) !== JSON.stringify(schema.const)) {
    errors.push(`${path}: expected ${JSON.stringify(schema.const)}`);
  }
  if (Array.isArray(schema.enum) && !schema.enum.some((e) => JSON.stringify(e) === JSON.stringify(value))) {
    errors.push(`${path}: ${JSON.stringify(value)} not in ${JSON.stringify(schema.enum)}`);
  }
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) errors.push(`${path}: below ${schema.minimum}`);
    if (typeof schema.exclusiveMinimum === 'number' && value <= schema.exclusiveMinimum) {
      errors.push(`${path}: not above ${schema.exclusiveMinimum}`);
    }
  }
  if (actual === 'object') {
    const obj = value as Record<string, unknown>;
    for (const name of (schema.required as string[] | undefined) ?? []) {
      if (!(name in obj)) errors.push(`${path}: missing ${name}`);
    }
    const props = (schema.properties as Record<string, Schema> | undefined) ?? {};
    for (const [name, v] of Object.entries(obj)) {
      const sub = props[name];
      if (sub !== undefined) errors.push(...validate(v, sub, root, `${path}.${name}`));
      else if (schema.additionalProperties === false) errors.push(`${path}: unexpected property ${name}`);
      else if (typeof schema.additionalProperties === 'object') {
        errors.push(...validate(v, schema.additionalProperties as Schema, root, `${path}.${name}`));
      }
    }
  }
  if (actual === 'array' && typeof schema.items === 'object') {
    (value as unknown[]).forEach((v, i) => errors.push(...validate(v, schema.items as Schema, root, `${path}[${i}]`)));
  }
  return errors;
}
