import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './csp';

describe('content security policy', () => {
  it('allows scripts only from our own origin in production', () => {
    const policy = contentSecurityPolicy('production');
    expect(policy).toContain("script-src 'self';");
    expect(policy).not.toMatch(/script-src[^;]*unsafe/);
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("connect-src 'self';");
  });
});
