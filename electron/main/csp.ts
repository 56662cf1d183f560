/**
 * Content-Security-Policy for the renderer. Scripts only from our own origin;
 * inline styles are allowed because the component library sets CSS variables
 * through style attributes (styles cannot run code). Development adds what
 * Vite's hot reload needs, and only there.
 */
const BASE_POLICY: Record<string, string> = {
  'default-src': "'self'",
  'script-src': "'self'",
  'style-src': "'self' 'unsafe-inline'",
  'img-src': "'self' data: blob:",
  'font-src': "'self' data:",
  'connect-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'none'",
  'frame-ancestors': "'none'",
  'frame-src': "'self' blob:",
  'worker-src': "'self' blob:",
};

export function contentSecurityPolicy(mode: 'production' | 'development' = 'production'): string {
  const policy = { ...BASE_POLICY };
  if (mode === 'development') {
    policy['script-src'] = "'self' 'unsafe-inline'";
    policy['connect-src'] = "'self' ws: http://localhost:* http://127.0.0.1:*";
  }
  return Object.entries(policy)
    .map(([directive, value]) => `${directive} ${value}`)
    .join('; ');
}
