import { wakeOutbox } from '@/lib/outbox/wake';

/** Tells this process's import worker that a pass is waiting. Call it after the commit. */
export function wakeImports(): void {
  wakeOutbox('imports');
}
