import { describe, expect, it } from 'vitest';
import { isTrustedSender, originOf } from './sender-check';

describe('sender check', () => {
  const trusted = ['app://valija'];

  it('builds origins for custom schemes, where URL.origin says "null"', () => {
    expect(originOf('app://valija/index.html#/envios')).toBe('app://valija');
    expect(originOf('no es url')).toBeNull();
  });

  it('accepts only the main frame of a trusted origin', () => {
    expect(isTrustedSender({ url: 'app://valija/index.html', isMainFrame: true }, trusted)).toBe(true);
    expect(isTrustedSender({ url: 'app://valija/index.html', isMainFrame: false }, trusted)).toBe(false);
    expect(isTrustedSender({ url: 'app://valija.evil/index.html', isMainFrame: true }, trusted)).toBe(false);
    expect(isTrustedSender({ url: 'file:///etc/passwd', isMainFrame: true }, trusted)).toBe(false);
    expect(isTrustedSender(null, trusted)).toBe(false);
  });
});
