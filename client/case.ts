// Idiomatic names: the SDK takes camelCase options (`flowId`, `createdAfter`) and sends the API's
// snake_case (`flow_id`, `created_after`). The API's own names are accepted too, so a filter copied from
// the API reference works as written.

/** `created_after` → `createdAfter`, at the type level. */
export type CamelCase<S extends string> = S extends `${infer Head}_${infer Tail}`
  ? `${Head}${Capitalize<CamelCase<Tail>>}`
  : S;

/** An options object of the API's names `T`, each of them also accepted in camelCase; all optional. */
export type Idiomatic<T> = { [K in keyof T as K extends string ? CamelCase<K> : K]?: T[K] } & {
  [K in keyof T]?: T[K];
};

/** `createdAfter` → `created_after` (names already in snake_case stay as they are). */
export function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/**
 * The object with its keys in the API's snake_case, undefined values left out. Giving one option under
 * both names with different values is a mistake the caller hears about.
 */
export function snakeKeys(options: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(options)) {
    if (value === undefined) continue;
    const apiName = snakeCase(name);
    if (apiName in out && out[apiName] !== value)
      throw new TypeError(`Option ${apiName} is given twice with different values (as ${name} too)`);
    out[apiName] = value;
  }
  return out;
}
