import type { Metadata } from 'next';
import { CreateLicenseKeyForm } from '@/components/license-keys/create-license-key-form';

export const metadata: Metadata = { title: 'New license key' };

export default function NewLicenseKeyPage() {
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">New license key</h1>
      <p className="mt-1 mb-6 text-sm text-slate-600">
        Issue a key to a customer for one of your products, or import a key another system issued.
      </p>
      <CreateLicenseKeyForm />
    </>
  );
}
