import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// Lints source text as if it lived at a given path, with the project's real config.
const eslint = new ESLint({ cwd: path.resolve(import.meta.dirname, '../..') });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.resolve(import.meta.dirname, '../..', filePath) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layering rules (docs/ARCHITECTURE.md, "Layers")', () => {
  it('fail a core service that imports electron', async () => {
    const messages = await restrictedImports('electron/services/shipments/bad.ts', "import { app } from 'electron';\nexport const x = app;\n");
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('no importa "electron"');
  });

  it('fail a core service that reaches into the main process', async () => {
    expect(await restrictedImports('electron/services/bad.ts', "import { registerIpc } from '../main/ipc';\nexport const x = registerIpc;\n")).toHaveLength(1);
  });

  it('fail shared code that uses Node or imports a process', async () => {
    expect(await restrictedImports('shared/bad.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n")).toHaveLength(1);
    expect(await restrictedImports('shared/bad.ts', "import crypto from 'crypto';\nexport const x = crypto;\n")).toHaveLength(1);
    expect(await restrictedImports('shared/bad.ts', "import { dispatch } from '../electron/services/ipc/dispatch';\nexport const x = dispatch;\n")).toHaveLength(1);
  });

  it('fail renderer code that imports electron, Node or the core', async () => {
    expect(await restrictedImports('renderer/src/bad.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n")).toHaveLength(1);
    expect(await restrictedImports('renderer/src/bad.ts', "import path from 'node:path';\nexport const x = path;\n")).toHaveLength(1);
    expect(await restrictedImports('renderer/src/bad.ts', "import { createServices } from '../../electron/services/app-services';\nexport const x = createServices;\n")).toHaveLength(1);
  });

  it('let each layer import what it may', async () => {
    expect(await restrictedImports('electron/main/ok.ts', "import { app } from 'electron';\nexport const x = app;\n")).toEqual([]);
    expect(await restrictedImports('electron/services/ok.ts', "import fs from 'node:fs';\nimport { AppError } from '../../shared/errors';\nexport const x = [fs, AppError];\n")).toEqual([]);
    expect(await restrictedImports('renderer/src/ok.ts', "import { CHANNELS } from '../../shared/ipc/channels';\nexport const x = CHANNELS;\n")).toEqual([]);
  });
});
