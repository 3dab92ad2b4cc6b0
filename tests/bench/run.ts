/**
 * `npm run bench`: every benchmark of the project, each figure printed beside a baseline measured in
 * the same run (ratios, never pass/fail timings). Add a suite by importing it here.
 * `--only <suite>` (crypto, record, ceremony, renderer) runs one suite: `npm run bench -- --only record`.
 */
import { parseArgs } from 'node:util';
import { benchWalletQuorums } from './ceremony-crypto.ts';
import { benchCryptoCore } from './crypto-core.ts';
import { report } from './measure.ts';
import { benchRecord } from './record.ts';
import { benchRenderer } from './renderer.ts';

const SUITES = {
  crypto: { title: 'Crypto core', run: benchCryptoCore },
  record: { title: 'Record: synthetic five-year archive (issue 3)', run: benchRecord },
  ceremony: { title: 'Ceremony crypto: create 3-of-5 and prove all 10 quorums (issue 4)', run: benchWalletQuorums },
  renderer: { title: 'Renderer: bundle size and first paint in Chromium (issue 5)', run: benchRenderer },
};

const { values } = parseArgs({ options: { only: { type: 'string' } } });
const only = values.only;
if (only !== undefined && !(only in SUITES)) throw new Error(`--only takes one of: ${Object.keys(SUITES).join(', ')}`);

console.log(`Custos benchmarks — Node ${process.version}, ${new Date().toISOString()}`);
for (const [name, suite] of Object.entries(SUITES)) {
  if (only === undefined || only === name) report(suite.title, await suite.run());
}
