/**
 * `npm run docs`: rewrites the generated documentation — docs/procedures.md from the procedure
 * definitions, and the tables of docs/errors.md from the error registry (common/errors/). Tests fail
 * when either page is out of date.
 */
import fs from 'node:fs';
import { renderErrorsDoc } from '../common/errors/errors-doc.ts';
import { PROCEDURES_DOC, renderProceduresDoc } from '../ceremonies/procedures/procedures-doc.ts';

const ERRORS_DOC = new URL('../docs/errors.md', import.meta.url);

fs.writeFileSync(PROCEDURES_DOC, renderProceduresDoc());
fs.writeFileSync(ERRORS_DOC, renderErrorsDoc(fs.readFileSync(ERRORS_DOC, 'utf8')));
console.log('wrote docs/procedures.md and docs/errors.md');
