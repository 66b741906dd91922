import { defineConfig } from 'vite';

/** The API serves the built portal under /portal/; in development Vite serves it and passes API calls on. */
const API = process.env.LEERROUTES_API ?? 'http://127.0.0.1:3000';
const API_PATHS = [
  '/dev',
  '/sign-in',
  '/me',
  '/offerings',
  '/institutions',
  '/requests',
  '/inbox',
  '/students',
  '/notifications',
  '/audit',
];

export default defineConfig({
  root: import.meta.dirname,
  base: '/portal/',
  // Vite's own transform handles TSX with React's automatic runtime; no plugin is needed for the build.
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: '../../dist/portal',
    emptyOutDir: true,
    rolldownOptions: {
      onLog(level, log, handler) {
        // The component library marks its modules "use client" for React Server Components; a client-only
        // bundle has no use for the marker, and dropping it is what should happen.
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
    },
  },
  server: { proxy: Object.fromEntries(API_PATHS.map((path) => [path, API])) },
});
