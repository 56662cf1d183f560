import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Two projects: the core and shared code run in plain Node (no Electron, no DOM);
// renderer components run in jsdom.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'test/harness/**/*.test.ts', 'test/lint/**/*.test.ts', 'scripts/**/*.test.ts', 'test/build/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['renderer/**/*.test.tsx', 'renderer/**/*.test.ts'],
          setupFiles: ['renderer/src/test-setup.ts'],
        },
      },
    ],
  },
});
