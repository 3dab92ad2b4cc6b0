/**
 * `npm run bench`: every benchmark of the project, each figure printed beside a baseline measured in
 * the same run (ratios, never pass/fail timings). Add a suite by importing it here.
 */
import { benchCryptoCore } from './crypto-core.ts';
import { report } from './measure.ts';
import { benchRecord } from './record.ts';

console.log(`Custos benchmarks — Node ${process.version}, ${new Date().toISOString()}`);
report('Crypto core', await benchCryptoCore());
report('Record: synthetic five-year archive (issue 3)', await benchRecord());
