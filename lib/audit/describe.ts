// How the audit trail reads to people. No server imports here: components render these.

export type AuditEventView = {
  id: string;
  action: string;
  objectType: string;
  objectId: string;
  summary: string;
  actorType: string;
  actorName: string;
  actorRole: string | null;
  requestId: string;
  createdAt: Date;
};

/**
 * "Dana Kim (support)", "Checkout integration (API key)", "Command line (operator)",
 * "License holder (203.0.113.9)".
 */
export function describeActor(
  event: Pick<AuditEventView, 'actorType' | 'actorName' | 'actorRole'>,
) {
  if (event.actorType === 'api_key') return `${event.actorName} (API key)`;
  return event.actorRole ? `${event.actorName} (${event.actorRole})` : event.actorName;
}
