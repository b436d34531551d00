import { useState, type ReactNode } from 'react';
import { send } from '../api/client.ts';
import { ErrorMessage, PageTitle } from '../components/common.tsx';
import { Link } from '../router.tsx';

const passwordHelp =
  'At least 12 characters; not a common or leaked password (also with digits or symbols added), and not containing your username. A few unrelated words make a good one.';

function PasswordField({
  id,
  label,
  value,
  onChange,
  autoComplete,
  help,
}: {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly autoComplete: string;
  readonly help?: string;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {help !== undefined && (
        <p className="hint" id={`${id}-help`}>
          {help}
        </p>
      )}
      <input
        id={id}
        type="password"
        autoComplete={autoComplete}
        required
        value={value}
        aria-describedby={help === undefined ? undefined : `${id}-help`}
        onChange={(e) => {
          onChange(e.target.value);
        }}
      />
    </div>
  );
}

/** One form with busy and error state: the new password twice, checked to match before sending. */
function NewPasswordForm({
  intro,
  fields,
  submitLabel,
  send,
  onDone,
}: {
  readonly intro: ReactNode;
  readonly fields: ReactNode;
  readonly submitLabel: string;
  readonly send: (newPassword: string) => Promise<unknown>;
  readonly onDone: () => void;
}) {
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  return (
    <>
      {intro}
      {error !== null && <ErrorMessage error={error} />}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (next !== again) {
            setError(new Error('The two new passwords differ.'));
            return;
          }
          setBusy(true);
          setError(null);
          send(next)
            .then(onDone)
            .catch((e: unknown) => {
              setError(e);
            })
            .finally(() => {
              setBusy(false);
            });
        }}
      >
        {fields}
        <PasswordField
          id="new-password"
          label="New password"
          value={next}
          onChange={setNext}
          autoComplete="new-password"
          help={passwordHelp}
        />
        <PasswordField
          id="new-password-again"
          label="New password again"
          value={again}
          onChange={setAgain}
          autoComplete="new-password"
        />
        <button type="submit" disabled={busy}>
          {busy ? 'Saving…' : submitLabel}
        </button>
      </form>
    </>
  );
}

/**
 * Change your own password, proving the current one. `forced`: someone else set it (an operator,
 * a generator), and nothing else is possible until it is changed.
 */
export function ChangePasswordPage({
  forced,
  onDone,
}: {
  readonly forced: boolean;
  readonly onDone: () => void;
}) {
  const [current, setCurrent] = useState('');
  const [done, setDone] = useState(false);
  return (
    <>
      <PageTitle title="Change your password">
        {forced ? 'Choose your own password' : 'Change your password'}
      </PageTitle>
      {done ? (
        <p role="status">Your password was changed; your other sessions have ended.</p>
      ) : (
        <NewPasswordForm
          intro={
            forced ? (
              <p>
                Someone else set the password you signed in with. Choose your own before you
                continue.
              </p>
            ) : (
              <p>Your other sessions end when you change it.</p>
            )
          }
          fields={
            <PasswordField
              id="current-password"
              label="Current password"
              value={current}
              onChange={setCurrent}
              autoComplete="current-password"
            />
          }
          submitLabel="Change the password"
          send={(newPassword) =>
            send('POST', '/v1/auth/password', { currentPassword: current, newPassword })
          }
          onDone={() => {
            setDone(true);
            onDone();
          }}
        />
      )}
    </>
  );
}

/** A new user (or one whose access was reset) sets their password with the two-part code. */
export function EnrolPage() {
  const [username, setUsername] = useState('');
  const [code, setCode] = useState('');
  const [done, setDone] = useState(false);
  return (
    <>
      <PageTitle title="Set your password">Set your password</PageTitle>
      {done ? (
        <p role="status">
          Your password is set. <Link to="/">Sign in</Link>
        </p>
      ) : (
        <NewPasswordForm
          intro={
            <p>
              Two administrators each gave you half of an enrolment code. Join them with a hyphen
              (first half, then second).
            </p>
          }
          fields={
            <>
              <div className="field">
                <label htmlFor="enrol-username">Username</label>
                <input
                  id="enrol-username"
                  autoComplete="username"
                  required
                  value={username}
                  onChange={(e) => {
                    setUsername(e.target.value);
                  }}
                />
              </div>
              <div className="field">
                <label htmlFor="enrol-code">Enrolment code</label>
                <input
                  id="enrol-code"
                  autoComplete="one-time-code"
                  required
                  value={code}
                  onChange={(e) => {
                    setCode(e.target.value);
                  }}
                />
              </div>
            </>
          }
          submitLabel="Set the password"
          send={(newPassword) =>
            send('POST', '/v1/auth/enrol', {
              username: username.trim(),
              code: code.trim(),
              newPassword,
            })
          }
          onDone={() => {
            setDone(true);
          }}
        />
      )}
    </>
  );
}
