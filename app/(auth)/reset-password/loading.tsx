import { AuthSkeleton } from '@/components/auth/auth-skeleton';

export default function Loading() {
  return <AuthSkeleton label="the password reset" />;
}
