/**
 * The import rules of docs/architecture.md ("Layers", "Import rules"), enforced as errors by
 * `npm run lint`. Paths are relative to the folder depcruise runs in; tests/unit/layer-rules.test.ts
 * runs this same file against tests/fixtures/layer-violations to prove each rule bites.
 */
const NETWORK = '^(node:)?(net|http|https|http2|tls|dgram|dns)($|/)';

module.exports = {
  forbidden: [
    {
      name: 'no-network-modules',
      comment: 'Offline by construction: no shipped code may import a network module.',
      severity: 'error',
      from: { path: '^(common|crypto|ceremonies|main|renderer)/' },
      to: { path: NETWORK },
    },
    {
      name: 'common-is-pure',
      comment: 'common/ holds pure code used on both sides (texts, formatting, QR matrices): no Node built-in, no Electron.',
      severity: 'error',
      from: { path: '^common/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'common-no-electron',
      severity: 'error',
      from: { path: '^common/' },
      to: { path: ['^electron$', 'node_modules/electron/'] },
    },
    {
      name: 'common-imports-no-layer',
      comment: 'common/ is below every layer: it imports none of them (npm packages of pure code are allowed).',
      severity: 'error',
      from: { path: '^common/' },
      to: { path: '^(crypto|ceremonies|main|renderer|scripts|tests)/' },
    },
    {
      name: 'crypto-imports-only-crypto-libraries',
      comment:
        'The crypto core imports only @noble/*, @scure/*, shamir-secret-sharing, micro-eth-signer (its offline core and ABI coder), itself, and the types of the error registry.',
      severity: 'error',
      from: { path: '^crypto/' },
      to: {
        pathNot: [
          '^crypto/',
          'node_modules/@noble/',
          'node_modules/@scure/',
          'node_modules/shamir-secret-sharing/',
          'node_modules/micro-eth-signer/(index|abi/index)\\.js$',
          '^common/errors/',
        ],
      },
    },
    {
      name: 'no-ethereum-networking',
      comment: "micro-eth-signer's network modules (RPC, history, prices, swaps) are never reached from shipped code.",
      severity: 'error',
      from: {},
      to: { path: 'node_modules/micro-eth-signer/net' },
    },
    {
      name: 'crypto-takes-only-types-from-common',
      comment: 'The crypto core takes only types from the error registry: no code or text of common/ runs in it.',
      severity: 'error',
      from: { path: '^crypto/' },
      to: { path: '^common/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'ceremonies-only-crypto-protocol',
      comment: 'ceremonies/ reaches the core only through crypto/protocol.ts.',
      severity: 'error',
      from: { path: '^ceremonies/' },
      to: { path: '^crypto/', pathNot: '^crypto/protocol\\.ts$' },
    },
    {
      name: 'ceremonies-no-electron-main-renderer',
      severity: 'error',
      from: { path: '^ceremonies/' },
      to: { path: ['^(main|renderer)/', '^electron$', 'node_modules/electron/'] },
    },
    {
      name: 'main-crypto-internals-only-in-host',
      comment: 'Only the crypto host entry (main/crypto-host/) imports the core internals.',
      severity: 'error',
      from: { path: '^main/', pathNot: '^main/crypto-host/' },
      to: { path: '^crypto/', pathNot: '^crypto/protocol\\.ts$' },
    },
    {
      name: 'electron-only-in-shell',
      comment: 'Only main/shell/ (and the preload and the utilityProcess host) touch Electron; the app service it hosts runs without it.',
      severity: 'error',
      from: { path: '^main/', pathNot: ['^main/shell/', '^main/preload/', '^main/crypto-host/utility-host\\.ts$'] },
      to: { path: ['^electron$', 'node_modules/electron/'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'renderer-types-only-from-contract',
      comment: 'The renderer imports types only, and only from the app API contract.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: '^(crypto|ceremonies|main)/', pathNot: '^main/app/app-api\\.ts$' },
    },
    {
      name: 'renderer-no-runtime-import-of-contract',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: '^main/app/app-api\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'renderer-no-node-or-electron',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'renderer-no-electron',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: ['^electron$', 'node_modules/electron/'] },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      from: { path: '^(common|crypto|ceremonies|main|renderer)/' },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // node_modules are not followed, but stay in the graph: the rules about Electron and libraries need them.
    exclude: { path: '(^|/)dist/' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
