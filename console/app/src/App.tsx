import { FormEvent, useEffect, useMemo, useState } from 'react';
import { Provider, useQuery } from 'urql';
import { Link, Route, Switch } from 'wouter';
import { SessionProvider, useSession, useStoredToken } from './auth';
import { createConsoleClient } from './client';
import { failureOf } from './errors';
import { ME } from './operations';
import type { Me } from './types';
import { ArticlesView } from './views/ArticlesView';
import { ArticleView } from './views/ArticleView';
import { ClaimsView } from './views/ClaimsView';
import { ClaimView } from './views/ClaimView';

export function App() {
  const [token, setToken] = useStoredToken();
  const [live, setLive] = useState(false);
  const { client, dispose } = useMemo(() => createConsoleClient(token, setLive), [token]);
  useEffect(() => dispose, [dispose]);
  return (
    <Provider value={client}>
      <SignedIn token={token} setToken={setToken} live={live} />
    </Provider>
  );
}

function SignedIn(props: { token: string | null; setToken(token: string | null): void; live: boolean }) {
  const { token, setToken } = props;
  const [me] = useQuery<{ me: Me | null }>({ query: ME, pause: !token });
  const [rejected, setRejected] = useState(false);
  const failure = failureOf(me.error);
  useEffect(() => {
    if (failure?.code === 'UNAUTHENTICATED') {
      setRejected(true);
      setToken(null);
    }
  }, [failure?.code, setToken]);

  const session = {
    token,
    me: token ? (me.data?.me ?? null) : null,
    signIn: (next: string) => {
      setRejected(false);
      setToken(next);
    },
    signOut: () => setToken(null),
  };
  return (
    <SessionProvider value={session}>
      <a className="skip" href="#main">Skip to content</a>
      <header className="top">
        <nav aria-label="Main">
          <Link href="/" className="brand">claimgraph</Link>
          <Link href="/">Articles</Link>
          <Link href="/claims">Claims</Link>
          <a href="/graphiql">GraphiQL</a>
        </nav>
        <span className={`live ${props.live ? 'on' : 'off'}`} role="status" title="Live updates over graphql-ws">
          {props.live ? 'Live' : 'Offline'}
        </span>
        <SignIn rejected={rejected} />
      </header>
      <main id="main">
        <Switch>
          <Route path="/" component={ArticlesView} />
          <Route path="/articles/:slug">{(params) => <ArticleView slug={params.slug} />}</Route>
          <Route path="/claims" component={ClaimsView} />
          <Route path="/claims/:id">{(params) => <ClaimView id={params.id} />}</Route>
          <Route>
            <h1>Not found</h1>
            <p>
              <Link href="/">Back to the articles</Link>
            </p>
          </Route>
        </Switch>
      </main>
    </SessionProvider>
  );
}

function SignIn(props: { rejected: boolean }) {
  const session = useSession();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState('');
  if (session.token) {
    return (
      <div className="session">
        <span>{session.me ? `${session.me.name} · ${session.me.role.toLowerCase()}` : 'Signing in…'}</span>
        <button type="button" onClick={session.signOut}>Sign out</button>
      </div>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft.trim() === '') return;
    session.signIn(draft.trim());
    setDraft('');
    setOpen(false);
  };
  return (
    <div className="session">
      {props.rejected && <span className="error-text" role="alert">That token was not accepted.</span>}
      {open ? (
        <form onSubmit={submit} className="sign-in">
          <label htmlFor="token">API token</label>
          <input id="token" type="password" autoComplete="off" autoFocus value={draft} onChange={(e) => setDraft(e.target.value)} placeholder="cg_…" />
          <button type="submit">Sign in</button>
          <button type="button" onClick={() => setOpen(false)}>Cancel</button>
        </form>
      ) : (
        <button type="button" onClick={() => setOpen(true)}>Sign in</button>
      )}
    </div>
  );
}
