/**
 * `npm run docs`: rewrites the generated documentation — docs/procedures.md from the procedure
 * definitions, the tables of docs/errors.md from the error registry (common/errors/), and the fields
 * of docs/answers/README.md from the answers schemas (common/answers/). Tests fail when a page is out
 * of date.
 */
import fs from 'node:fs';
import { renderAnswersReadme } from '../common/answers/answers-doc.ts';
import { renderErrorsDoc } from '../common/errors/errors-doc.ts';
import { PROCEDURES_DOC, renderProceduresDoc } from '../ceremonies/procedures/procedures-doc.ts';

const ERRORS_DOC = new URL('../docs/errors.md', import.meta.url);
const ANSWERS_README = new URL('../docs/answers/README.md', import.meta.url);

fs.writeFileSync(PROCEDURES_DOC, renderProceduresDoc());
fs.writeFileSync(ERRORS_DOC, renderErrorsDoc(fs.readFileSync(ERRORS_DOC, 'utf8')));
fs.writeFileSync(ANSWERS_README, renderAnswersReadme(fs.readFileSync(ANSWERS_README, 'utf8')));
console.log('wrote docs/procedures.md, docs/errors.md and docs/answers/README.md');
