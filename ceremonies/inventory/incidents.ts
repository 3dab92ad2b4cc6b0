/**
 * The incident register (docs/compliance.md, R5: AMF DOC-2019-24 and the SPOT review): each
 * incident with the date of the incident and of its discovery, nature, origin, tools and staff
 * involved, impact, corrective action, target resolution date, closing date and status, plus the
 * wallets concerned and its history. Incidents come from incident ceremonies, from reconciliation
 * discrepancies and from seals found broken or missing in a backup drill, a reshare, a proof of
 * control, a change of holder, a restitution or a compromise rotation. Since incident@2, each incident also carries its classification and
 * the reports made to the authority (the regulatory clock: regulatory-clock.ts; ADR 0034).
 */
import type { ProcedureDefinition } from '../procedures/definition.ts';
import { INCIDENT_FIELDS } from '../../common/answers/vocabulary.ts';
import type { EntryPayload, JsonValue } from '../record/entry-payload.ts';
import type { Classification, Notification } from './regulatory-clock.ts';

export { INCIDENT_FIELDS };

export interface IncidentView {
  id: string;
  occurredAt: string | null;
  discoveredAt: string | null;
  nature: string | null;
  origin: string | null;
  toolsAndStaff: string | null;
  impact: string | null;
  correctiveAction: string | null;
  targetDate: string | null;
  closedAt: string | null;
  status: string;
  significant: boolean;
  wallets: string[];
  /** incident@2: the classification (major or not, from the criteria), and the reports made to the authority. */
  classification: Classification | null;
  notifications: Notification[];
  recordedAt: string;
  history: { ceremony: string; action: string; at: string }[];
}

type Body = { [key: string]: JsonValue };

/** The procedures that open a seal's incident (step `seal-incident`), and how the incident names them. */
const SEAL_FOUND_AT: Readonly<Record<string, string>> = {
  'backup-drill': 'backup drill',
  reshare: 'reshare',
  'proof-of-control': 'proof of control',
  'change-holder': 'change of holder',
  restitution: 'restitution',
  'compromise-rotation': 'compromise rotation',
};

export class Incidents {
  readonly byId = new Map<string, IncidentView>();
  private readonly pending = new Map<string, Body>();

  /** Follows one entry; `definition` is the released procedure it belongs to (null: it changes nothing). */
  apply(p: EntryPayload, definition: ProcedureDefinition | null): void {
    if (!definition) return;
    const procedure = definition.id;
    if (procedure === 'incident') this.fromIncident(p);
    else if (procedure === 'reconciliation' && p.step === 'discrepancy') this.fromDiscrepancy(p);
    else if (p.step === 'seal-incident' && Object.hasOwn(SEAL_FOUND_AT, procedure)) this.fromSeal(p, procedure);
  }

  /** A seal found broken or missing in a drill (backup-drill@2), a reshare or a proof of control (`seal-incident`): a significant incident on its wallet. */
  private fromSeal(p: EntryPayload, procedure: string): void {
    const b = p.body;
    if (typeof b.incident !== 'string' || typeof b.wallet !== 'string') return;
    const bag = (b.bag ?? {}) as Body;
    const found = bag.state === 'missing' ? 'was brought without its bag' : `was found with the seal of bag ${String(bag.serial)} broken`;
    const photo = typeof bag.photoSha256 === 'string' ? ` A photo was taken (SHA-256 ${bag.photoSha256}).` : '';
    const rebagged = typeof bag.newSerial === 'string' ? `Re-bagged in bag ${bag.newSerial}.` : 'Not re-bagged: the share stays at risk until it is.';
    this.upsert(
      b.incident,
      'open',
      {
        occurredAt: null,
        discoveredAt: p.time.utc.slice(0, 10),
        nature: `Share ${String(b.index)} of wallet ${b.wallet} ${found} at a ${SEAL_FOUND_AT[procedure]}.${photo}`,
        origin: procedure,
        status: 'open',
        impact: 'The share may have been copied or exposed while out of its sealed bag.',
        correctiveAction:
          procedure === 'reshare'
            ? 'The share is destroyed in the reshare, but a copy of it would still count toward rebuilding the key with the old set. Investigate who had access; if a copy may exist, rotate the wallet (compromise-rotation).'
            : procedure === 'compromise-rotation'
              ? `${rebagged} The rotation moves the funds to a new wallet; investigate who had access, and destroy the old wallet once its sweep is confirmed.`
              : `${rebagged} Investigate who had access; if a copy may exist, reshare or rotate the wallet.`,
      },
      p,
      { wallets: [b.wallet], significant: true },
    );
  }

  private fromIncident(p: EntryPayload): void {
    if (p.type === 'open') this.pending.set(p.ceremony, p.body);
    if (p.type !== 'close') return;
    const body = this.pending.get(p.ceremony);
    this.pending.delete(p.ceremony);
    if (!body || typeof body.incident !== 'string') return;
    const fields = (body.fields ?? {}) as Body;
    this.upsert(body.incident, String(body.action ?? 'update'), fields, p, body);
  }

  private fromDiscrepancy(p: EntryPayload): void {
    const b = p.body;
    if (typeof b.incident !== 'string') return;
    const where = typeof b.wallet === 'string' ? `wallet ${b.wallet}` : `address ${String(b.address)}, which no recorded wallet derives`;
    this.upsert(
      b.incident,
      'open',
      {
        occurredAt: p.time.utc.slice(0, 10),
        discoveredAt: p.time.utc.slice(0, 10),
        nature: `Reconciliation discrepancy on ${where}: recorded ${String(b.recorded)}, held ${String(b.held)} (base units of ${String(b.chain)}).`,
        origin: 'reconciliation',
        status: 'open',
        impact: `Difference of ${String(b.difference)} base units of ${String(b.chain)}.`,
        correctiveAction: 'Investigate the difference and record the outcome in this incident.',
      },
      p,
      { wallets: typeof b.wallet === 'string' ? [b.wallet] : [], significant: true },
    );
  }

  private upsert(id: string, action: string, fields: Body, p: EntryPayload, body: Body): void {
    let view = this.byId.get(id);
    if (!view) {
      view = {
        id,
        occurredAt: null,
        discoveredAt: null,
        nature: null,
        origin: null,
        toolsAndStaff: null,
        impact: null,
        correctiveAction: null,
        targetDate: null,
        closedAt: null,
        status: 'open',
        significant: false,
        wallets: [],
        classification: null,
        notifications: [],
        recordedAt: p.time.utc,
        history: [],
      };
      this.byId.set(id, view);
    }
    for (const f of INCIDENT_FIELDS) if (typeof fields[f] === 'string') (view as unknown as Record<string, string>)[f] = fields[f] as string;
    if (Array.isArray(body.wallets))
      view.wallets = [...new Set([...view.wallets, ...body.wallets.filter((w): w is string => typeof w === 'string' && w !== '')])];
    if (typeof body.significant === 'boolean') view.significant = view.significant || body.significant;
    if (body.classification && typeof body.classification === 'object' && !Array.isArray(body.classification)) {
      view.classification = body.classification as unknown as Classification;
    }
    if (Array.isArray(body.notifications)) view.notifications.push(...(body.notifications as unknown as Notification[]));
    if (action === 'close') {
      view.status = 'closed';
      view.closedAt = typeof fields.closedAt === 'string' ? fields.closedAt : p.time.utc.slice(0, 10);
    }
    view.history.push({ ceremony: p.ceremony, action, at: p.time.utc });
  }
}
