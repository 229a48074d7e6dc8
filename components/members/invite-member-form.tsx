'use client';

import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import { FormAlert } from '@/components/ui/form-alert';
import { describedBy, labelClassName } from '@/components/ui/form-styles';
import { TextField } from '@/components/ui/text-field';
import { useActionForm } from '@/components/ui/use-action-form';
import { ROLE_LABELS, type MemberRole } from '@/lib/auth/permissions';
import { inviteMemberAction, type InviteMemberResult } from '@/lib/members/actions';

import { InviteLink } from './invite-link';

const ROLE_HINTS: Record<MemberRole, string> = {
  owner: 'Everything, including the business settings and its ownership.',
  admin: 'Keys, products, members and API keys; not the business settings.',
  support: 'Issue, import, disable and look up keys and customers.',
};

type Issued = Extract<InviteMemberResult, { ok: true }>;

/** Email + role. On success the one-time invite link is shown under the form. */
export function InviteMemberForm({ roles }: { roles: MemberRole[] }) {
  const id = useId();
  const [issued, setIssued] = useState<Issued | null>(null);
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: () => import('@/lib/members/schema').then((m) => m.inviteMemberSchema),
    defaultValues: { email: '', role: roles.includes('support') ? 'support' : roles[0] },
    fields: ['email', 'role'],
    action: inviteMemberAction,
    onStart: () => setIssued(null),
    onSuccess: (result, values) => {
      setIssued(result);
      form.reset({ email: '', role: values.role });
    },
    networkErrorMessage: 'The server did not answer, so no invite was made. Try again.',
  });
  const { register, setFocus, formState } = form;
  const { errors } = formState;
  const roleError = `${id}-role-error`;

  return (
    <div className="space-y-6">
      <form noValidate onSubmit={onSubmit} className="max-w-[40rem] space-y-5">
        <FormAlert message={formError} />
        <TextField
          label="Email"
          type="email"
          autoComplete="off"
          error={errors.email?.message}
          {...register('email')}
        />
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
          emailed={issued.emailed}
          onDone={() => {
            setIssued(null);
            setFocus('email');
          }}
        />
      ) : null}
    </div>
  );
}
