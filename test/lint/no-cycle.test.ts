import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// Lints real files with the project's real config. The fixtures live in
// test/lint-fixtures/, which `npm run lint` ignores (a cycle there is on
// purpose), so this run turns the ignore list off.
const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root, ignore: false });

async function cycleErrors(folder: string): Promise<Array<{ file: string; line: number }>> {
  const results = await eslint.lintFiles([path.join(root, 'test/lint-fixtures', folder, '*.ts')]);
  expect(results.map((r) => path.basename(r.filePath)).sort()).toEqual(['ledger.ts', 'tally.ts']);
  return results.flatMap((r) => r.messages.filter((m) => m.ruleId === 'import-x/no-cycle').map((m) => ({ file: path.basename(r.filePath), line: m.line, severity: m.severity })))
    .map(({ file, line, severity }) => {
      expect(severity).toBe(2);
      return { file, line };
    });
}

describe('import cycles (import-x/no-cycle)', () => {
  it('fail both files of a pair that import each other, at the import', async () => {
    expect((await cycleErrors('cycle')).sort((a, b) => a.file.localeCompare(b.file))).toEqual([
      { file: 'ledger.ts', line: 2 },
      { file: 'tally.ts', line: 2 },
    ]);
  });

  it('let the same pair pass once one import is gone', async () => {
    expect(await cycleErrors('no-cycle')).toEqual([]);
  });
});
