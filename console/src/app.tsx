import { useCallback, useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { LocationProvider, lazy, Route, Router, useLocation } from 'preact-iso';
import { Page } from './components/page.js';
import { SessionContext, type SessionState } from './context.js';
import { FailedPage } from './pages/failed.js';
import { FlowPage, FlowsPage } from './pages/flows.js';
import { IntentPage } from './pages/intent.js';
import { LeadPage } from './pages/lead.js';
import { LeadsPage } from './pages/leads.js';
import { NotFoundPage } from './pages/not-found.js';
import { SignInPage } from './pages/sign-in.js';
import { SECTIONS } from './pages.js';
import { describeError } from './resource.js';
import { can, resumeSession, type Session, signOut } from './session.js';

// ECharts is most of the console's weight: the analytics page and it load when the page is opened.
const AnalyticsPage = lazy(() => import('./pages/analytics.js').then((m) => m.AnalyticsPage));

export function App() {
  return (
    <LocationProvider scope="/console">
      <Shell />
    </LocationProvider>
  );
}

type Boot =
  | { state: 'checking' }
  | { state: 'signed-out'; message?: string }
  | { state: 'in'; session: Session };

function Shell() {
  const [boot, setBoot] = useState<Boot>({ state: 'checking' });
  useEffect(() => {
    resumeSession().then(
      (session) => setBoot(session ? { state: 'in', session } : { state: 'signed-out' }),
      (err: unknown) => setBoot({ state: 'signed-out', message: describeError(err) }),
    );
  }, []);
  const expire = useCallback(() => {
    signOut();
    setBoot({ state: 'signed-out', message: 'The API no longer accepts this key. Sign in again.' });
  }, []);
  const leave = useCallback(() => {
    signOut();
    setBoot({ state: 'signed-out', message: 'Signed out.' });
  }, []);
  const context = useMemo<SessionState | null>(
    () => (boot.state === 'in' ? { session: boot.session, expire, signOut: leave } : null),
    [boot, expire, leave],
  );

  if (boot.state === 'checking') {
    return (
      <p class="muted boot" role="status">
        Loading the console…
      </p>
    );
  }
  if (!context) {
    return (
      <SignInPage
        message={boot.state === 'signed-out' ? boot.message : undefined}
        onSignedIn={(session) => setBoot({ state: 'in', session })}
      />
    );
  }
  return (
    <SessionContext.Provider value={context}>
      <Layout session={context.session} onSignOut={leave} />
    </SessionContext.Provider>
  );
}

function Layout(props: { session: Session; onSignOut: () => void }) {
  const { key } = props.session;
  const { path } = useLocation();
  const sections = SECTIONS.filter((s) => can(key, s.scope));
  return (
    <>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="top">
        <a class="brand" href="/console">
          Leadrail console
        </a>
        <nav aria-label="Sections">
          <ul>
            {sections.map((s) => (
              <li key={s.path}>
                <a href={s.path} aria-current={path.startsWith(s.path) ? 'page' : undefined}>
                  {s.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div class="who">
          <span>
            Key <code>{key.key_id}</code>{' '}
            <span class={`badge badge-mode-${key.mode}`}>
              {key.mode === 'test' ? 'Test key' : 'Live key'}
            </span>
          </span>
          <button type="button" onClick={props.onSignOut}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Router>
          <Route path="/console" component={Home} />
          <Route path="/console/leads" component={LeadsPage} />
          <Route path="/console/leads/:leadId" component={LeadPage} />
          <Route path="/console/failed" component={FailedPage} />
          <Route path="/console/flows" component={FlowsPage} />
          <Route path="/console/flows/:flowId" component={FlowPage} />
          <Route path="/console/analytics" component={AnalyticsPage} />
          <Route path="/console/intent" component={IntentPage} />
          <Route default component={NotFoundPage} />
        </Router>
      </main>
    </>
  );
}

/** /console: the first section the key may see. */
function Home() {
  const { route } = useLocation();
  const { session } = useContext(SessionContext);
  const first = SECTIONS.find((s) => can(session.key, s.scope));
  useEffect(() => {
    if (first) route(first.path, true);
  }, [first, route]);
  if (first) return null;
  return (
    <Page title="Nothing to show">
      <p>
        This API key has none of the scopes the console shows: <code>leads:read</code>,{' '}
        <code>flows:read</code>, <code>analytics:read</code> or <code>intent:query</code>.
      </p>
    </Page>
  );
}
