/**
 * The people present at a guided ceremony (ADR 0025), as the e2e flows play them: whenever the page
 * shows a sign request, each signer whose key is still locked types their own passphrase and the
 * entry is signed; whenever it asks one person for a passphrase (the station key's, theirs again, a
 * share file's), that person types it; at the close, each witness chooses the file on their medium
 * where their checkpoint is written. Installed with Playwright's locator handlers, so a flow written as "start,
 * then wait for the share card" is answered at every signature on the way. A test that wants a
 * person to mistype calls `away()` first and plays the screen itself.
 */
import { expect, type Locator, type Page } from '@playwright/test';

/** The rig's passphrase files are named by first name, lower case, without accents (Chloé: passphrases/chloe.txt); the station key's is `station`. */
export function passphraseLabel(name: string): string {
  return name === 'station' ? 'station' : name.split(' ')[0]!.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Who sits at each of the forms' places, for a question asked before the station can name them (a
 * station being set up has no roster yet): the flows put Alice as officer, Bob and Chloé as witnesses.
 */
const SEATS: Readonly<Record<string, string>> = { officer: 'alice', witness1: 'bob', witness2: 'chloe' };

export class SigningDesk {
  private readonly passphraseOf: (label: string) => string;
  /** The passphrase file of each holder's share file, by the holder's label (dora: dora-share), set by the flow that presents or makes it. */
  readonly shares = new Map<string, string>();
  /** The passphrase the officer chooses for a new station's key (a station setup). */
  newStation = '';

  /** Queues the station's save dialog's answer for the witness `label`'s checkpoint file. */
  private readonly checkpointOf: (label: string) => void;

  constructor(passphraseOf: (label: string) => string, checkpointOf: (label: string) => void) {
    this.passphraseOf = passphraseOf;
    this.checkpointOf = checkpointOf;
  }

  /** The passphrase of the person a question names (data-name), or of the seat it names (data-who) when it has no name. */
  private passphraseFor(name: string, who: string): string {
    return this.passphraseOf(name === who && Object.hasOwn(SEATS, who) ? SEATS[who]! : passphraseLabel(name));
  }

  /** Answers every sign request and passphrase question `page` shows from now on. */
  async seat(page: Page): Promise<void> {
    // Seated once: a page loaded again in the same test must not answer each question twice.
    await this.away(page);
    await page.addLocatorHandler(page.getByTestId('sign-request'), (panel) => this.sign(panel), { noWaitAfter: true });
    await page.addLocatorHandler(page.getByTestId('passphrase-prompt'), (panel) => this.answer(panel), { noWaitAfter: true });
    await page.addLocatorHandler(page.getByTestId('checkpoint-prompt'), (panel) => this.keepCheckpoint(panel), { noWaitAfter: true });
  }

  /** At the close, the witness named chooses the file on their own medium (media/<first name>/checkpoint.txt). */
  async keepCheckpoint(panel: Locator): Promise<void> {
    const name = (await panel.getAttribute('data-name')) ?? '';
    const who = (await panel.getAttribute('data-who')) ?? '';
    this.checkpointOf(name === who && Object.hasOwn(SEATS, who) ? SEATS[who]! : passphraseLabel(name));
    await panel.getByRole('button').click();
  }

  /** Stops answering: the test plays the people itself. */
  async away(page: Page): Promise<void> {
    await page.removeLocatorHandler(page.getByTestId('sign-request'));
    await page.removeLocatorHandler(page.getByTestId('passphrase-prompt'));
    await page.removeLocatorHandler(page.getByTestId('checkpoint-prompt'));
  }

  /** Each locked signer types their passphrase; then the entry is signed. */
  async sign(panel: Locator): Promise<void> {
    for (const signer of await panel.getByTestId('signer').all()) {
      const field = signer.getByTestId('signer-passphrase');
      if ((await field.count()) > 0) {
        await field.fill(this.passphraseFor((await signer.getAttribute('data-name')) ?? '', (await signer.getAttribute('data-who')) ?? ''));
      }
    }
    const sign = panel.getByRole('button', { name: /^(Sign|Signer)$/u });
    await expect(sign).toBeEnabled();
    await sign.click();
  }

  /** The person named types their passphrase: their key's, or their share file's (typed twice for a new one). */
  async answer(panel: Locator): Promise<void> {
    const purpose = await panel.getAttribute('data-purpose');
    const name = (await panel.getAttribute('data-name')) ?? '';
    let passphrase: string;
    if (purpose === 'new-station') passphrase = this.newStation;
    else if (purpose === 'station' || purpose === 'key') passphrase = this.passphraseFor(name, (await panel.getAttribute('data-who')) ?? '');
    else {
      const share = this.shares.get(passphraseLabel(name));
      if (share === undefined) throw new Error(`the desk knows no ${purpose} passphrase for ${name}`);
      passphrase = this.passphraseOf(share);
    }
    await panel.getByTestId('passphrase-field').fill(passphrase);
    if (purpose === 'new-share' || purpose === 'new-station') await panel.getByTestId('passphrase-again').fill(passphrase);
    await panel.getByRole('button', { name: /^(Continue|Continuer)$/u }).click();
  }
}
