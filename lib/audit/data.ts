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

type ActivityReader = Pick<Actor, 'businessId' | 'role' | 'type'>;

/** `take` events of the business's activity, newest first, after skipping `skip`. */
function activityEvents(actor: ActivityReader, skip: number, take: number) {
  return db.auditEvent.findMany({
    where: { businessId: actor.businessId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    skip,
    take,
    select: auditSelect,
  });
}

/** The business's activity, newest first, one page at a time (page 1 is the newest). */
export async function listActivity(actor: ActivityReader, page: number) {
  assertCan(actor, 'members:manage');
  const current = Math.max(1, Math.floor(page) || 1);
  const [events, total] = await Promise.all([
    activityEvents(actor, (current - 1) * ACTIVITY_PAGE_SIZE, ACTIVITY_PAGE_SIZE),
    db.auditEvent.count({ where: { businessId: actor.businessId } }),
  ]);
  return {
    events,
    page: current,
    pageCount: Math.max(1, Math.ceil(total / ACTIVITY_PAGE_SIZE)),
    total,
  };
}

/** The newest `count` events of the business's activity (the overview's), without counting them all. */
export async function listLatestActivity(
  actor: ActivityReader,
  count: number,
): Promise<AuditEventView[]> {
  assertCan(actor, 'members:manage');
  return activityEvents(actor, 0, count);
}
