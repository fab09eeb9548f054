import { useEffect, useRef, useState } from 'preact/hooks';
import { describeError } from '../resource.js';
import { type Session, signIn } from '../session.js';

/** Sign-in with an API key: checked against the API, kept for this tab only (sessionStorage). */
export function SignInPage(props: { message?: string; onSignedIn: (session: Session) => void }) {
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    document.title = 'Sign in · Leadrail console';
    input.current?.focus();
  }, []);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!key.trim()) {
      setError('Enter an API key.');
      input.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      props.onSignedIn(await signIn(key));
    } catch (err) {
      setError(describeError(err));
      setBusy(false);
      input.current?.focus();
    }
  };

  return (
    <main id="main" class="sign-in">
      <h1>Leadrail console</h1>
      {props.message ? (
        <p class="notice" role="status">
          {props.message}
        </p>
      ) : null}
      <form onSubmit={submit} noValidate>
        <label for="api-key">API key</label>
        <input
          id="api-key"
          ref={input}
          type="password"
          name="api-key"
          autocomplete="off"
          spellcheck={false}
          aria-describedby={error ? 'api-key-hint api-key-error' : 'api-key-hint'}
          aria-invalid={error ? true : undefined}
          value={key}
          onInput={(e) => setKey(e.currentTarget.value)}
        />
        <p id="api-key-hint" class="hint">
          An <code>lr_live_…</code> or <code>lr_test_…</code> key. It is kept in this tab only and sent to
          this server only; the console shows what the key's scopes allow.
        </p>
        {error ? (
          <p id="api-key-error" class="field-error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" class="primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
