import { buttonClassName } from '@/components/ui/button';
import { signOutAction } from '@/lib/auth/actions';

/** A plain form: signing out works even before the page's JavaScript has loaded. */
export function SignOutButton() {
  return (
    <form action={signOutAction}>
      <button type="submit" className={buttonClassName({ variant: 'secondary', size: 'sm' })}>
        Sign out
      </button>
    </form>
  );
}
