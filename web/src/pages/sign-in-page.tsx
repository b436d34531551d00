import { useState } from 'react';
import { ErrorMessage, PageTitle } from '../components/common.tsx';
import { Link } from '../router.tsx';
import { useSession } from '../session.tsx';

export function SignInPage() {
  const { signIn } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  return (
    <div className="sign-in">
      <PageTitle title="Sign in">Sign in to Cordon</PageTitle>
      <p>Export-control screening, assessment and licensing.</p>
      {error !== null && <ErrorMessage error={error} />}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setBusy(true);
          setError(null);
          signIn(username.trim(), password)
            .catch((e: unknown) => {
              setError(e);
            })
            .finally(() => {
              setBusy(false);
            });
        }}
      >
        <div className="field">
          <label htmlFor="username">Username</label>
          <input
            id="username"
            name="username"
            autoComplete="username"
            required
            value={username}
            onChange={(e) => {
              setUsername(e.target.value);
            }}
          />
        </div>
        <div className="field">
          <label htmlFor="password">Password</label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => {
              setPassword(e.target.value);
            }}
          />
        </div>
        <button type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p>
        New here, with an enrolment code? <Link to="/enrol">Set your password</Link>
      </p>
    </div>
  );
}
