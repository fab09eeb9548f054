import type { Context } from 'hono';

export const JSON_TYPE = /^application\/([a-z0-9.+-]+\+)?json\s*(;|$)/i;
export const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

/**
 * Whether the request carries a JSON body that does not parse. Hono's validator reports that as a bare
 * HTTPException(400); the error handlers ask the body itself instead of reading the exception's text.
 * The text is cached by Hono, so reading it again costs nothing.
 */
export async function hasMalformedJsonBody(c: Context): Promise<boolean> {
  if (!METHODS_WITH_BODY.has(c.req.method) || !JSON_TYPE.test(c.req.header('Content-Type') ?? ''))
    return false;
  let text: string;
  try {
    text = await c.req.text();
  } catch {
    return false; // unreadable (e.g. a broken coding): not a JSON problem
  }
  try {
    JSON.parse(text);
    return false;
  } catch {
    return true;
  }
}
