import { type FormEvent, useState } from 'react';
import { ErrorMessage } from '../../../components/ui/feedback.tsx';
import { SelectField, TextField } from '../../../components/ui/field.tsx';
import { LocalSignInRefused, mintLocalToken, renewLocal, type LocalIdentity } from '../auth/local-sign-in.ts';
import { startSession } from '../auth/session.ts';

/** The agency `npm start` seeds (local/seed-demo.ts), so a first look needs no typing. */
export const demoAdmin: LocalIdentity = {
  accountId: 'demo-agency',
  email: 'admin@northwind-talent.example',
  name: 'Morgan Reyes',
  role: 'admin',
};

type Field = keyof LocalIdentity;

function check(identity: LocalIdentity): Partial<Record<Field, string>> {
  const errors: Partial<Record<Field, string>> = {};
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(identity.accountId))
    errors.accountId = identity.accountId
      ? 'The account ID has 1 to 64 letters, digits, _ or -.'
      : 'Enter the account ID.';
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(identity.email))
    errors.email = identity.email
      ? 'Enter an e-mail address such as name@agency.com.'
      : 'Enter your e-mail address.';
  if (!identity.name) errors.name = 'Enter your name: clients see it on your remarks.';
  else if (identity.name.length > 200) errors.name = 'The name is too long: at most 200 characters.';
  return errors;
}

/** The local stack's sign-in: any account, any person, through the local token issuer. */
export function LocalSignInForm() {
  const [identity, setIdentity] = useState<LocalIdentity>({
    accountId: '',
    email: '',
    name: '',
    role: 'admin',
  });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function signIn(who: LocalIdentity) {
    setBusy(true);
    setFailure(undefined);
    try {
      startSession(await mintLocalToken(who), renewLocal(who));
    } catch (error) {
      if (error instanceof LocalSignInRefused) setErrors(error.fields);
      setFailure(error instanceof Error ? error.message : 'The sign-in failed. Try again.');
      setBusy(false);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = {
      ...identity,
      accountId: identity.accountId.trim(),
      email: identity.email.trim(),
      name: identity.name.trim(),
    };
    const found = check(trimmed);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setFailure('Check the fields marked below.');
      return;
    }
    void signIn(trimmed);
  }

  const set = (field: Field) => (event: { target: { value: string } }) =>
    setIdentity((current) => ({ ...current, [field]: event.target.value }));

  return (
    <>
      {failure ? <ErrorMessage title="You are not signed in">{failure}</ErrorMessage> : null}
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          label="Account ID"
          hint="The agency's account: any ID works locally; a new one starts with the add-on off."
          autoComplete="organization"
          value={identity.accountId}
          onChange={set('accountId')}
          error={errors.accountId}
        />
        <TextField
          label="Email"
          type="email"
          autoComplete="email"
          value={identity.email}
          onChange={set('email')}
          error={errors.email}
        />
        <TextField
          label="Name"
          hint="Clients see your name on the remarks you share with them."
          autoComplete="name"
          value={identity.name}
          onChange={set('name')}
          error={errors.name}
        />
        <SelectField label="Role" value={identity.role} onChange={set('role')} error={errors.role}>
          <option value="admin">Admin (may change the account settings)</option>
          <option value="recruiter">Recruiter</option>
        </SelectField>
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={busy}>
            Sign in
          </button>
          <button
            type="button"
            className="button button-secondary"
            disabled={busy}
            onClick={() => void signIn(demoAdmin)}
          >
            Continue as demo admin
          </button>
        </div>
      </form>
    </>
  );
}
