import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { ImportJobState, ImportOutcome } from '@/lib/imports/job';

const STATES: Record<ImportJobState, { label: string; tone: BadgeTone }> = {
  uploaded: { label: 'Uploaded, not checked', tone: 'slate' },
  checking: { label: 'Checking', tone: 'blue' },
  checked: { label: 'Checked, not imported', tone: 'violet' },
  importing: { label: 'Importing', tone: 'blue' },
  done: { label: 'Imported', tone: 'green' },
  failed: { label: 'Failed', tone: 'red' },
};

/** An import's state in words: "Checked, not imported". */
export function ImportStateBadge({ state }: { state: ImportJobState }) {
  const { label, tone } = STATES[state];
  return <Badge tone={tone}>{label}</Badge>;
}

const OUTCOMES: Record<ImportOutcome, { label: string; tone: BadgeTone }> = {
  create: { label: 'New key', tone: 'green' },
  present: { label: 'Already present', tone: 'slate' },
  update: { label: 'Update', tone: 'blue' },
  conflict: { label: 'Conflict', tone: 'amber' },
  error: { label: 'Error', tone: 'red' },
};

/** What importing a row does, or did: "New key", "Already present", "Conflict"… */
export function ImportOutcomeBadge({ outcome }: { outcome: ImportOutcome }) {
  const { label, tone } = OUTCOMES[outcome];
  return <Badge tone={tone}>{label}</Badge>;
}
