import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { LicenseKeySource, LicenseKeyStatus } from '@/lib/license-keys/status';

const statusLabels: Record<LicenseKeyStatus, { label: string; tone: BadgeTone }> = {
  active: { label: 'Active', tone: 'green' },
  expired: { label: 'Expired', tone: 'amber' },
  disabled: { label: 'Disabled', tone: 'red' },
};

const sourceLabels: Record<LicenseKeySource, { label: string; tone: BadgeTone }> = {
  auto: { label: 'Auto', tone: 'blue' },
  import: { label: 'Import', tone: 'violet' },
  manual: { label: 'Manual', tone: 'slate' },
};

export function StatusBadge({ status }: { status: LicenseKeyStatus }) {
  const { label, tone } = statusLabels[status];
  return <Badge tone={tone}>{label}</Badge>;
}

export function SourceBadge({ source }: { source: LicenseKeySource }) {
  const { label, tone } = sourceLabels[source];
  return <Badge tone={tone}>{label}</Badge>;
}
