import { secureHeaders } from 'hono/secure-headers';

/**
 * Headers for the pages a browser opens (the console, the API docs): a Content-Security-Policy that
 * lets them load and call only this server, never a third party (a self-hosted product must not
 * depend on, or leak its users' visits to, another origin), and no framing. `styleSrc` may add
 * 'unsafe-inline' for a page whose library writes style elements (still same-origin only).
 */
export function pageSecurityHeaders(options: { inlineStyles?: boolean } = {}) {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'none'"],
      scriptSrc: ["'self'"],
      styleSrc: options.inlineStyles ? ["'self'", "'unsafe-inline'"] : ["'self'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      manifestSrc: ["'self'"],
      formAction: ["'self'"],
      baseUri: ["'none'"],
      frameAncestors: ["'none'"],
      objectSrc: ["'none'"],
    },
    // HSTS belongs to whoever terminates TLS in front of the API, not to a plain-HTTP local server.
    strictTransportSecurity: false,
    referrerPolicy: 'no-referrer',
    crossOriginResourcePolicy: 'same-origin',
  });
}
