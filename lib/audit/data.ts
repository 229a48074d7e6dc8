import 'server-only';
import type { Actor } from '@/lib/auth/authorize';
import { assertCan } from '@/lib/auth/authorize';
import { db } from '@/lib/db';
import type { AuditEventView } from './describe';

export type { AuditEventView } from './describe';

const auditSelect = {
  id: true,
  action: true,
  objectType: true,
  objectId: true,
  summary: true,
  actorType: true,
  actorName: true,
  actorRole: true,
  requestId: true,
  createdAt: true,
} as const;

/** The history of one object of the business, oldest first. */
export function listObjectHistory(
  actor: Actor,
  objectType: string,
  objectId: string,
): Promise<AuditEventView[]> {
  assertCan(actor, 'keys:view');
  return db.auditEvent.findMany({
    where: { businessId: actor.businessId, objectType, objectId },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: auditSelect,
  });
}

export const ACTIVITY_PAGE_SIZE = 25;

/** The business's activity, newest first, one page at a time (page 1 is the newest). */
export async function listActivity(
  actor: Pick<Actor, 'businessId' | 'role' | 'type'>,
  page: number,
) {
  assertCan(actor, 'members:manage');
  const current = Math.max(1, Math.floor(page) || 1);
  const [events, total] = await Promise.all([
    db.auditEvent.findMany({
      where: { businessId: actor.businessId },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (current - 1) * ACTIVITY_PAGE_SIZE,
      take: ACTIVITY_PAGE_SIZE,
      select: auditSelect,
    }),
    db.auditEvent.count({ where: { businessId: actor.businessId } }),
  ]);
  return {
    events,
    page: current,
    pageCount: Math.max(1, Math.ceil(total / ACTIVITY_PAGE_SIZE)),
    total,
  };
}
