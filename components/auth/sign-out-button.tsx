import { SubmitButton } from '@/components/ui/submit-button';
import { signOutAction } from '@/lib/auth/actions';

/** A plain form: signing out works even before the page's JavaScript has loaded. */
export function SignOutButton() {
  return (
    <form action={signOutAction}>
      <SubmitButton variant="secondary" size="sm">
        Sign out
      </SubmitButton>
    </form>
  );
}
