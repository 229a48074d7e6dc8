'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useId, useState, useTransition } from 'react';
import { useForm } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import { describedBy, inputClassName, labelClassName } from '@/components/ui/form-styles';
import { ROLE_LABELS, type MemberRole } from '@/lib/auth/permissions';
import { inviteMemberAction, type InviteMemberResult } from '@/lib/members/actions';
import { inviteMemberSchema, type InviteMemberInput } from '@/lib/members/schema';
import { InviteLink } from './invite-link';
import { FormAlert } from '@/components/ui/form-alert';

const ROLE_HINTS: Record<MemberRole, string> = {
  owner: 'Everything, including the business settings and its ownership.',
  admin: 'Keys, products, members and API keys; not the business settings.',
  support: 'Issue, import, disable and look up keys and customers.',
};

type Issued = Extract<InviteMemberResult, { ok: true }>;

/** Email + role. On success the one-time invite link is shown under the form. */
export function InviteMemberForm({ roles }: { roles: MemberRole[] }) {
  const id = useId();
  const [pending, startTransition] = useTransition();
  const [formError, setFormError] = useState<string | null>(null);
  const [issued, setIssued] = useState<Issued | null>(null);
  const { register, handleSubmit, setError, setFocus, reset, formState } =
    useForm<InviteMemberInput>({
      resolver: zodResolver(inviteMemberSchema),
      defaultValues: { email: '', role: roles.includes('support') ? 'support' : roles[0] },
    });
  const { errors } = formState;
  const emailError = `${id}-email-error`;
  const roleError = `${id}-role-error`;

  const onSubmit = handleSubmit((values) => {
    if (pending) return;
    setFormError(null);
    setIssued(null);
    startTransition(async () => {
      let result: InviteMemberResult;
      try {
        result = await inviteMemberAction(values);
      } catch {
        setFormError('The server did not answer, so no invite was made. Try again.');
        return;
      }
      if (result.ok) {
        setIssued(result);
        reset({ email: '', role: values.role });
        return;
      }
      const email = result.fieldErrors.email?.[0];
      const role = result.fieldErrors.role?.[0];
      if (email) setError('email', { type: 'server', message: email });
      if (role) setError('role', { type: 'server', message: role });
      setFormError(result.formError ?? null);
      if (email) setFocus('email');
    });
  });

  return (
    <div className="space-y-6">
      <form noValidate onSubmit={onSubmit} className="max-w-[40rem] space-y-5">
        <FormAlert message={formError} />
        <div>
          <label htmlFor={`${id}-email`} className={labelClassName}>
            Email
          </label>
          <input
            id={`${id}-email`}
            type="email"
            autoComplete="off"
            aria-invalid={errors.email ? true : undefined}
            aria-describedby={describedBy(errors.email && emailError)}
            className={inputClassName(Boolean(errors.email))}
            {...register('email')}
          />
          <FieldError id={emailError} message={errors.email?.message} />
        </div>
        <fieldset aria-describedby={describedBy(errors.role && roleError)}>
          <legend className={labelClassName}>Role</legend>
          <div className="mt-2 space-y-2">
            {roles.map((role) => (
              <div key={role} className="flex items-start gap-2">
                <input
                  id={`${id}-role-${role}`}
                  type="radio"
                  value={role}
                  aria-describedby={`${id}-role-${role}-hint`}
                  className="mt-0.5 size-4 accent-indigo-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
                  {...register('role')}
                />
                <label htmlFor={`${id}-role-${role}`} className="text-sm">
                  <span className="font-medium text-slate-900">{ROLE_LABELS[role]}</span>
                  <span id={`${id}-role-${role}-hint`} className="block text-slate-600">
                    {ROLE_HINTS[role]}
                  </span>
                </label>
              </div>
            ))}
          </div>
          <FieldError id={roleError} message={errors.role?.message} />
        </fieldset>
        <Button type="submit" pending={pending}>
          Invite member
        </Button>
      </form>
      {issued ? (
        <InviteLink
          url={issued.inviteUrl}
          email={issued.email}
          expiresAt={issued.expiresAt}
          onDone={() => {
            setIssued(null);
            setFocus('email');
          }}
        />
      ) : null}
    </div>
  );
}
