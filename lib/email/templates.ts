// The text of every email Keydesk sends, as pure functions: the key page's preview and the worker
// that sends render the same text from the same facts. Plain text only. No server imports.
import { formatInstant } from '@/lib/format';

export type EmailContent = { subject: string; text: string };

export type LicenseKeyEmailFacts = {
  businessName: string;
  customerName: string;
  productName: string;
  /** The whole key: this email is how the customer gets it. */
  key: string;
  activationsLimit: number | null;
  expiresAt: Date | null;
};

export function licenseKeyEmail(facts: LicenseKeyEmailFacts): EmailContent {
  const devices =
    facts.activationsLimit === null
      ? 'The key works on any number of devices.'
      : `The key works on up to ${facts.activationsLimit} device${facts.activationsLimit === 1 ? '' : 's'} at a time; deactivate it on one to use it on another.`;
  const validity = facts.expiresAt
    ? `It is valid until ${formatInstant(facts.expiresAt)}.`
    : 'It does not expire.';
  return {
    subject: `Your license key for ${facts.productName}`,
    text: [
      `Hello ${facts.customerName},`,
      '',
      `here is your license key for ${facts.productName}:`,
      '',
      `    ${facts.key}`,
      '',
      'How to activate',
      `1. Open ${facts.productName} and choose to enter a license key (usually under Help or Settings).`,
      '2. Paste the key above, exactly as it is, and confirm.',
      `3. ${devices}`,
      '',
      `${validity} Keep this email: you need the key again on a new device.`,
      '',
      `${facts.businessName}`,
    ].join('\n'),
  };
}

export function inviteEmail(facts: {
  businessName: string;
  roleLabel: string;
  inviteUrl: string;
  expiresAt: Date;
}): EmailContent {
  return {
    subject: `You are invited to join ${facts.businessName} on Keydesk`,
    text: [
      'Hello,',
      '',
      `you are invited to join ${facts.businessName} on Keydesk as ${facts.roleLabel}.`,
      'Open this link to accept (it works once):',
      '',
      facts.inviteUrl,
      '',
      `The invite expires on ${formatInstant(facts.expiresAt)}. If you did not expect it, ignore this email.`,
    ].join('\n'),
  };
}

export function passwordResetEmail(facts: {
  name: string;
  resetUrl: string;
  validMinutes: number;
}): EmailContent {
  return {
    subject: 'Reset your Keydesk password',
    text: [
      `Hello ${facts.name},`,
      '',
      'someone (we hope you) asked to reset your Keydesk password. Open this link to choose a new one:',
      '',
      facts.resetUrl,
      '',
      `The link works once, for ${facts.validMinutes} minutes. Setting a new password signs you out everywhere else.`,
      'If you did not ask for it, ignore this email: your password stays as it is.',
    ].join('\n'),
  };
}

export function webhookDisabledEmail(facts: {
  businessName: string;
  url: string;
  endpointPageUrl: string;
}): EmailContent {
  return {
    subject: `A webhook endpoint of ${facts.businessName} was disabled`,
    text: [
      'Hello,',
      '',
      `every delivery to the webhook endpoint ${facts.url} of ${facts.businessName} has failed for`,
      '5 days, so Keydesk has disabled it: it receives no events until it is enabled again.',
      'Its delivery log shows what the endpoint answered:',
      '',
      facts.endpointPageUrl,
      '',
      'Events that happen while it is disabled are not sent to it.',
    ].join('\n'),
  };
}
