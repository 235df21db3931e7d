/**
 * The sign-in screen: paste an API token (admin or agent). The app checks it against the server before keeping
 * it; nothing else is asked for because the platform has no user accounts, only tokens.
 */
import { field, h, whileBusy } from '../dom';
import { normaliseToken } from '../session';

/** Called with the cleaned token; rejects with a message to show when the token does not work. */
export type SignIn = (token: string) => Promise<void>;

/** Builds the login screen. `message` explains why it is shown (signed out, token revoked, ...). */
export function loginView(signIn: SignIn, message?: string): HTMLElement {
  const input = h('input', { type: 'password', name: 'token', autocomplete: 'off', spellcheck: 'false', required: true, 'data-testid': 'token-input' });
  const tokenField = field(
    'API token',
    input,
    'An admin token can edit; an agent token can read. Create tokens with POST /api/tokens, or use the one printed at first start.',
  );
  const submit = h('button', { type: 'submit', class: 'primary', 'data-testid': 'login-button' }, 'Sign in');
  const notice = h('p', { class: 'login-message', role: 'status' }, message ?? '');
  const form = h('form', { class: 'login-form', 'aria-labelledby': 'login-title', novalidate: true }, h('h1', { id: 'login-title', tabindex: -1 }, 'Knowledge base admin'), notice, tokenField.element, submit);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const token = normaliseToken(input.value);
    if (!token) {
      tokenField.setError('Paste the API token (one word, without spaces).');
      input.focus();
      return;
    }
    tokenField.setError(undefined);
    void whileBusy(submit, async () => {
      try {
        await signIn(token);
      } catch (error) {
        tokenField.setError(error instanceof Error ? error.message : String(error));
        input.focus();
      }
    });
  });
  return h('main', { class: 'login', id: 'main' }, form);
}
