import { useState, type FormEvent } from 'react';
import { ErrorNote } from '../components/ErrorNote';
import { useSignIn } from './session';

/** Sign in with the API key (printed by `npm start`, or REELFLOW_API_KEY); the browser then keeps a session cookie. */
export function SignInPage() {
  const [apiKey, setApiKey] = useState('');
  const signIn = useSignIn();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (apiKey.trim()) signIn.mutate(apiKey.trim());
  };
  return (
    <main className="signin">
      <form className="card stack" onSubmit={submit} aria-labelledby="signin-title">
        <h1 id="signin-title">Sign in to Reelflow</h1>
        <p className="muted">
          Use the API key: <span className="mono">npm start</span> prints it, or it is the <span className="mono">REELFLOW_API_KEY</span>{' '}
          you set.
        </p>
        <label className="field">
          API key
          <input
            name="apiKey"
            type="password"
            autoComplete="current-password"
            value={apiKey}
            onChange={(e) => setApiKey(e.target.value)}
            autoFocus
            required
          />
        </label>
        {signIn.error && <ErrorNote error={signIn.error} />}
        <button className="btn btn-primary" type="submit" disabled={signIn.isPending}>
          {signIn.isPending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
