import { StatusNotice } from '@/components/layout/status-notice';

export default function DashboardNotFound() {
  return <StatusNotice kind="not-found" />;
}
