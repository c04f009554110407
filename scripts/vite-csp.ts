/**
 * Vite plugin: the Content-Security-Policy. The built index.html gets it as a meta tag, with the
 * sha256 of each inline script the build put there (the service-worker registration), so it holds on
 * any static host; `vite preview` also sends it as a header on every other response, because a
 * worker's policy comes from its own script's response, never from the page's meta tag. The dev
 * server is left without it: its React refresh preamble is an inline script that changes per run.
 *
 * No 'unsafe-eval' and no remote origin. 'wasm-unsafe-eval' is what compiling WebAssembly needs
 * (tfjs-backend-wasm) without allowing eval; inline styles are allowed because KaTeX's markup
 * carries style attributes (its input is our own TeX, never the user's).
 */
import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';

export const CSP_DIRECTIVES: Record<string, string> = {
  'default-src': "'self'",
  'script-src': "'self' 'wasm-unsafe-eval'",
  'worker-src': "'self'",
  'connect-src': "'self'",
  'img-src': "'self' data: blob:",
  'style-src': "'self' 'unsafe-inline'",
  'font-src': "'self' data:",
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'none'",
};

export function policy(directives = CSP_DIRECTIVES): string {
  return Object.entries(directives).map(([name, value]) => `${name} ${value}`).join('; ');
}

const INLINE_SCRIPT = /<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g;

export function contentSecurityPolicy(): Plugin {
  return {
    name: 'nash-csp',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        if (context.server) return html;
        const hashes = [...html.matchAll(INLINE_SCRIPT)].map(([, body]) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`);
        const directives = { ...CSP_DIRECTIVES, 'script-src': [CSP_DIRECTIVES['script-src'], ...hashes].join(' ') };
        return html.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${policy(directives)}" />`);
      },
    },
    configurePreviewServer(server) {
      server.middlewares.use((request, response, next) => {
        // The page has its meta tag (with the inline scripts' hashes); both would apply to it.
        const path = (request.url ?? '/').split('?')[0];
        if (!path.endsWith('/') && !path.endsWith('.html')) response.setHeader('Content-Security-Policy', policy());
        next();
      });
    },
  };
}
