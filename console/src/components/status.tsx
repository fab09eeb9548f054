import type { ComponentChildren } from 'preact';
import { describeError, type Resource } from '../resource.js';

const STATUS_LABELS: Record<string, string> = {
  received: 'Received',
  accepted: 'Accepted',
  rejected: 'Rejected',
  delivered: 'Delivered',
  delivery_failed: 'Delivery failed',
  failed: 'Failed',
  success: 'Success',
  failure: 'Failure',
  error: 'Error',
  skip: 'Skipped',
  running: 'Running',
  completed: 'Completed',
  cancelled: 'Cancelled',
};

/** A status as a word and a colour (the word carries the meaning; the colour only helps). */
export function StatusBadge(props: { status: string }) {
  return (
    <span class={`badge badge-${props.status.replace(/[^a-z_]/g, '')}`}>
      {STATUS_LABELS[props.status] ?? props.status}
    </span>
  );
}

export function ErrorNotice(props: { error: unknown; title?: string }) {
  return (
    <div class="notice notice-error" role="alert">
      {props.title ? <strong>{props.title}: </strong> : null}
      {describeError(props.error)}
    </div>
  );
}

/** Shows a resource: a loading line, its error with a retry, or its data. */
export function Loaded<T>(props: {
  resource: Resource<T>;
  label: string;
  children: (data: T) => ComponentChildren;
}) {
  const { resource } = props;
  return (
    <div aria-busy={resource.state === 'loading'}>
      {resource.state === 'failed' ? (
        <div class="notice notice-error" role="alert">
          Could not load {props.label}: {describeError(resource.error)}{' '}
          <button type="button" class="link-button" onClick={resource.reload}>
            Try again
          </button>
        </div>
      ) : null}
      {resource.state === 'loading' && resource.data === undefined ? (
        <p class="muted" role="status">
          Loading {props.label}…
        </p>
      ) : null}
      {resource.data !== undefined ? props.children(resource.data) : null}
    </div>
  );
}

/** What a key without the scope sees instead of a page: no request is made for its data. */
export function NoAccess(props: { scope: string; what: string }) {
  return (
    <div class="notice" role="note">
      This API key cannot see {props.what}: it lacks the <code>{props.scope}</code> scope. Sign in with a key
      that has it.
    </div>
  );
}
