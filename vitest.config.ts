import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import path from 'node:path';

const alias = { '@shared': path.resolve(import.meta.dirname, 'shared') };

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [react()],
        resolve: { alias },
        test: {
          name: 'unit',
          environment: 'jsdom',
          include: ['client/**/*.test.{ts,tsx}', 'shared/**/*.test.ts', 'server/**/*.unit.test.ts'],
          setupFiles: ['client/test/setup.ts'],
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'server',
          environment: 'node',
          include: ['server/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: ['server/**/*.unit.test.ts', '**/node_modules/**'],
          globalSetup: ['server/test/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: 'forks',
          // Two cores: more parallel files only make FerretDB slower.
          maxWorkers: 2,
          env: { NODE_ENV: 'test', LOG_LEVEL: 'silent' },
        },
      },
    ],
  },
});
