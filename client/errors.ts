/** The error body of every non-2xx answer; the intent API's has `request_id` beside `error`. */
interface ErrorBody {
  error?: { code?: string; message?: string; details?: unknown; request_id?: string };
  request_id?: string;
}

/** A non-2xx answer, with the documented error fields: `code`, `message`, `requestId`, `status`. */
export class LeadrailApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  readonly requestId: string | null;
  /** Seconds to wait, from Retry-After (429, 503). */
  readonly retryAfter: number | null;
  readonly headers: Headers;
  readonly body: unknown;

  constructor(status: number, body: unknown, headers: Headers) {
    const parsed: ErrorBody = typeof body === 'object' && body !== null ? (body as ErrorBody) : {};
    const error = typeof parsed.error === 'object' && parsed.error !== null ? parsed.error : {};
    super(error.message ?? `HTTP ${status}`);
    this.name = 'LeadrailApiError';
    this.status = status;
    this.code = error.code ?? 'http_error';
    this.details = error.details ?? null;
    this.requestId = error.request_id ?? parsed.request_id ?? headers.get('X-Request-Id');
    const retryAfter = headers.get('Retry-After');
    this.retryAfter = retryAfter === null ? null : Number(retryAfter);
    this.headers = headers;
    this.body = body;
  }

  /** The API's snake_case name for the request id, as the error body spells it. */
  get request_id(): string | null {
    return this.requestId;
  }
}
