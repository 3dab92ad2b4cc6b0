/**
 * The English texts of every catalogue of the renderer that differ from their French counterparts:
 * what must not appear anywhere on a screen in French (issue 5, "the French UI shows no English
 * string"). Function-valued messages contribute the fixed words around their values.
 */
import { PROCEDURES } from '../../ceremonies/procedures/catalogue.ts';
import { AUDITOR_TEXT } from '../../renderer/src/auditor/auditor-messages.ts';
import { ROLE_TEXT } from '../../common/i18n/role-words.ts';
import { CEREMONY_TEXT } from '../../renderer/src/ceremonies/ceremony-messages.ts';
import { APP_TEXT } from '../../renderer/src/i18n/app-messages.ts';
import { MESSAGES } from '../../renderer/src/i18n/messages.ts';
import { INVENTORY_TEXT } from '../../renderer/src/inventory/inventory-messages.ts';
import { REPORTS_TEXT } from '../../renderer/src/reports/reports-messages.ts';
import { CONFIRM_TEXT } from '../../renderer/src/ceremonies/forms/confirm-messages.ts';
import { INCIDENT_TEXT } from '../../renderer/src/ceremonies/forms/incident-messages.ts';
import { ROSTER_TEXT } from '../../renderer/src/ceremonies/forms/roster-messages.ts';
import { SETUP_TEXT } from '../../renderer/src/ceremonies/forms/setup-messages.ts';
import { OUTCOME_TEXT } from '../../renderer/src/ceremonies/outcome-messages.ts';
import { ROTATION_TEXT } from '../../renderer/src/ceremonies/forms/rotation-messages.ts';
import { CHANGE_HOLDER_TEXT } from '../../renderer/src/ceremonies/forms/change-holder-messages.ts';
import { DESTRUCTION_TEXT } from '../../renderer/src/ceremonies/forms/destruction-messages.ts';
import { RECONCILIATION_TEXT } from '../../renderer/src/ceremonies/forms/reconciliation-messages.ts';
import { GUIDED_TEXT } from '../../renderer/src/ceremonies/guided-messages.ts';
import { DRILL_TEXT } from '../../renderer/src/ceremonies/forms/drill-messages.ts';
import { RESHARE_TEXT } from '../../renderer/src/ceremonies/forms/reshare-messages.ts';
import { EVIDENCE_TEXT } from '../../renderer/src/ceremonies/evidence-messages.ts';
import { PROOF_TEXT } from '../../renderer/src/ceremonies/forms/proof-messages.ts';
import { QR_SCAN_TEXT } from '../../renderer/src/ceremonies/forms/qr-scan-messages.ts';
import { TOKEN_LIST_TEXT } from '../../renderer/src/ceremonies/forms/token-list-messages.ts';

const MARK = '\u0001';

type Catalogue = { en: Record<string, unknown>; fr: Record<string, unknown> };

function texts(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'function') {
    const args = Array.from({ length: Math.max(value.length, 3) }, () => MARK);
    try {
      return String((value as (...a: unknown[]) => unknown)(...args)).split(MARK);
    } catch {
      return [];
    }
  }
  return [];
}

/** English fragments (≥ 6 characters, with a letter) that appear in no French text. */
export function englishOnlyStrings(): string[] {
  const catalogues: Catalogue[] = [
    MESSAGES,
    APP_TEXT,
    CEREMONY_TEXT,
    ROLE_TEXT,
    INVENTORY_TEXT,
    AUDITOR_TEXT,
    REPORTS_TEXT,
    INCIDENT_TEXT,
    CONFIRM_TEXT,
    ROSTER_TEXT,
    SETUP_TEXT,
    ROTATION_TEXT,
    CHANGE_HOLDER_TEXT,
    DESTRUCTION_TEXT,
    RECONCILIATION_TEXT,
    OUTCOME_TEXT,
    GUIDED_TEXT,
    DRILL_TEXT,
    RESHARE_TEXT,
    EVIDENCE_TEXT,
    PROOF_TEXT,
    QR_SCAN_TEXT,
    TOKEN_LIST_TEXT,
  ] as unknown as Catalogue[];
  const english: string[] = [];
  const french: string[] = [];
  for (const c of catalogues) {
    for (const v of Object.values(c.en)) english.push(...texts(v));
    for (const v of Object.values(c.fr)) french.push(...texts(v));
  }
  for (const p of PROCEDURES) {
    english.push(p.title.en, p.purpose.en, ...p.steps.map((s) => s.title.en));
    french.push(p.title.fr, p.purpose.fr, ...p.steps.map((s) => s.title.fr));
  }
  const allFrench = french.join('\n');
  const fragments = english.map((t) => t.trim()).filter((t) => t.length >= 6 && /[A-Za-z]{3}/u.test(t) && !allFrench.includes(t));
  return [...new Set(fragments)];
}
