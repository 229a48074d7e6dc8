import { describe, expect, it } from 'vitest';
import { readEnv } from '@/lib/env';
import { startRefusal } from './start-checks';

const refusal = (env: Record<string, string | undefined>) =>
  startRefusal(readEnv(env as unknown as NodeJS.ProcessEnv));

describe('startRefusal (npm start)', () => {
  it('refuses production on every interface without KEYDESK_URL, saying why', () => {
    for (const env of [
      { NODE_ENV: 'production' },
      { NODE_ENV: 'production', HOSTNAME: '0.0.0.0' },
      { NODE_ENV: 'production', HOSTNAME: '10.1.2.3' },
      { NODE_ENV: 'production', HOSTNAME: '::' },
    ]) {
      expect(refusal(env)).toMatch(/KEYDESK_URL is not set.*Secure.*invite links/);
    }
  });

  it('starts production with KEYDESK_URL, or on loopback alone', () => {
    expect(refusal({ NODE_ENV: 'production', KEYDESK_URL: 'https://keys.example.com' })).toBeNull();
    for (const HOSTNAME of ['127.0.0.1', '127.0.0.2', 'localhost', '::1', '[::1]']) {
      expect(refusal({ NODE_ENV: 'production', HOSTNAME })).toBeNull();
    }
  });

  it('starts outside production without KEYDESK_URL (the quick start)', () => {
    expect(refusal({})).toBeNull();
    expect(refusal({ NODE_ENV: 'development' })).toBeNull();
  });

  it('refuses a KEYDESK_URL that is not an http(s) address, anywhere', () => {
    expect(refusal({ KEYDESK_URL: 'keys.example.com' })).toMatch(/KEYDESK_URL must be/);
    expect(refusal({ NODE_ENV: 'production', KEYDESK_URL: 'ftp://keys.example.com' })).toMatch(
      /KEYDESK_URL must be/,
    );
  });
});
