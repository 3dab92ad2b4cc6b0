/**
 * Proves the lint rules bite (issue 2, "A deliberate violation in a fixture must make lint fail"):
 * dependency-cruiser's layer rules over tests/fixtures/layer-violations, and the crypto core's ESLint
 * trap rules over source text placed at a crypto/ path.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { expect, test } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixture = fileURLToPath(new URL('../fixtures/layer-violations', import.meta.url));

function cruise(cwd: string): { status: number; output: string } {
  try {
    const out = execFileSync(
      process.execPath,
      [
        `${root}node_modules/dependency-cruiser/bin/dependency-cruiser.mjs`,
        '--config',
        `${root}.dependency-cruiser.cjs`,
        '--output-type',
        'err',
        'common',
        'crypto',
        'ceremonies',
        'main',
        'renderer',
      ],
      { cwd, encoding: 'utf8', stdio: 'pipe' },
    );
    return { status: 0, output: out };
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string };
    return { status: e.status, output: e.stdout + e.stderr };
  }
}

test('every layer rule fails lint on its deliberate violation', () => {
  const { status, output } = cruise(fixture);
  expect(status).not.toBe(0);
  for (const [rule, edge] of [
    ['no-network-modules', 'crypto/uses-network.ts → net'],
    ['common-is-pure', 'common/uses-node.ts → fs'],
    ['common-imports-no-layer', 'common/uses-node.ts → ceremonies/record.ts'],
    ['no-network-modules', 'ceremonies/record.ts → http'],
    ['crypto-imports-only-crypto-libraries', 'crypto/uses-network.ts → fs'],
    ['crypto-imports-only-crypto-libraries', 'crypto/uses-network.ts → ceremonies/record.ts'],
    ['crypto-takes-only-types-from-common', 'crypto/uses-network.ts → common/errors/texts.ts'],
    ['ceremonies-only-crypto-protocol', 'ceremonies/record.ts → crypto/internal.ts'],
    ['main-crypto-internals-only-in-host', 'main/app/window.ts → crypto/internal.ts'],
    ['electron-only-in-shell', 'main/app/uses-electron.ts → '],
    ['renderer-types-only-from-contract', 'renderer/screen.ts → ceremonies/record.ts'],
    ['renderer-no-runtime-import-of-contract', 'renderer/screen.ts → main/app/app-api.ts'],
    ['renderer-no-node-or-electron', 'renderer/screen.ts → fs'],
    ['renderer-no-electron', 'renderer/uses-electron.ts → '],
  ]) {
    expect(output).toContain(`error ${rule}: ${edge}`);
  }
});

test('the real tree passes the same rules', () => {
  const { status, output } = cruise(root);
  expect(output).not.toMatch(/error/u);
  expect(status).toBe(0);
});

test('ESLint refuses the crypto core library traps and network imports', async () => {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(
    [
      "import { connect } from 'node:net';",
      'declare const hd: { toJSON(): unknown; privateExtendedKey: string };',
      'console.log(hd.toJSON(), hd.privateExtendedKey, connect);',
      'declare function entropyToMnemonic(e: Uint8Array): string;',
      'export const m = entropyToMnemonic(new Uint8Array(32));',
    ].join('\n'),
    { filePath: `${root}crypto/deliberate-violation.ts` },
  );
  const messages = result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
  expect(messages).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^no-restricted-imports: .*network/),
      expect.stringMatching(/^no-console:/),
      expect.stringMatching(/^no-restricted-syntax: HDKey\.toJSON/),
      expect.stringMatching(/^no-restricted-syntax: The xpriv/),
      expect.stringMatching(/^no-restricted-syntax: Never build a mnemonic/),
    ]),
  );
});
