/**
 * The application frame: title and version, the station's data directory, the language switch, the
 * air-gap banner, and the four screens (inventory, ceremonies, reports, auditor). Spec:
 * docs/architecture.md, "Processes" (the renderer talks only to window.custos) and
 * docs/desktop-app.md, "The screens".
 */
import { useEffect, useState } from 'react';
import type { Chosen } from '../../main/app/app-api.ts';
import { asAppError } from './app-error.ts';
import { AuditorScreen } from './auditor/AuditorScreen.tsx';
import { CeremoniesScreen } from './ceremonies/CeremoniesScreen.tsx';
import { AirGapBanner } from './components/AirGapBanner.tsx';
import { ErrorNotice } from './components/ErrorNotice.tsx';
import { custosApi } from './custos-api.ts';
import { APP_TEXT } from './i18n/app-messages.ts';
import { pick } from '../../common/i18n/catalogue.ts';
import { LocaleContext } from './i18n/locale-context.tsx';
import { MESSAGES, otherLocale, type Locale } from './i18n/messages.ts';
import { InventoryScreen } from './inventory/InventoryScreen.tsx';
import { ReportsScreen } from './reports/ReportsScreen.tsx';
import { REPORTS_TEXT } from './reports/reports-messages.ts';
import type { AppError } from '../../main/app/app-api.ts';

type VersionState = { readonly kind: 'loading' } | { readonly kind: 'ready'; readonly value: string } | { readonly kind: 'failed' };
type Screen = 'inventory' | 'ceremonies' | 'reports' | 'auditor';

export function App() {
  const [locale, setLocale] = useState<Locale>('en');
  const [version, setVersion] = useState<VersionState>({ kind: 'loading' });
  const [screen, setScreen] = useState<Screen>('inventory');
  const [dataDir, setDataDir] = useState<Chosen | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const text = MESSAGES[locale];
  const frame = pick(APP_TEXT, locale);
  const next = otherLocale(locale);

  useEffect(() => {
    let live = true;
    custosApi()
      .version()
      .then(
        (value) => live && setVersion({ kind: 'ready', value }),
        () => live && setVersion({ kind: 'failed' }),
      );
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = text.title;
  }, [locale, text.title]);

  const chooseDataDir = () => {
    setError(null);
    custosApi()
      .choose('data-dir')
      .then(
        (chosen) => chosen && setDataDir(chosen),
        (e: unknown) => setError(asAppError(e)),
      );
  };

  const versionText = version.kind === 'ready' ? version.value : version.kind === 'loading' ? text.versionLoading : text.versionUnavailable;

  const tabs: { id: Screen; label: string }[] = [
    { id: 'inventory', label: frame.navInventory },
    { id: 'ceremonies', label: frame.navCeremonies },
    { id: 'reports', label: pick(REPORTS_TEXT, locale).navReports },
    { id: 'auditor', label: frame.navAuditor },
  ];

  return (
    <LocaleContext value={locale}>
      <div className="app">
        <header className="app__header">
          <div className="app__brand">
            <h1>{text.title}</h1>
            <p className="app__version">
              {text.versionLabel} <span data-testid="app-version">{versionText}</span>
            </p>
          </div>
          <div className="app__station">
            <span>{frame.dataDirLabel} </span>
            <strong data-testid="data-dir-name">{dataDir ? dataDir.name : frame.noDataDir}</strong>
            <button type="button" onClick={chooseDataDir}>
              {frame.openDataDir}
            </button>
            <button type="button" lang={next} onClick={() => setLocale(next)}>
              {text.switchLanguage}
            </button>
          </div>
        </header>
        <AirGapBanner />
        <p className="app__tagline">{text.tagline}</p>
        {error && <ErrorNotice error={error} />}
        <nav className="app__nav">
          {tabs.map((tab) => (
            <button
              key={tab.id}
              type="button"
              aria-pressed={screen === tab.id}
              className={screen === tab.id ? 'tab tab--active' : 'tab'}
              onClick={() => setScreen(tab.id)}
            >
              {tab.label}
            </button>
          ))}
        </nav>
        <main className="app__main">
          {screen === 'inventory' && <InventoryScreen dataDir={dataDir} onChooseDataDir={chooseDataDir} />}
          {screen === 'ceremonies' && <CeremoniesScreen dataDir={dataDir} onChooseDataDir={chooseDataDir} />}
          {screen === 'reports' && <ReportsScreen dataDir={dataDir} onChooseDataDir={chooseDataDir} />}
          {screen === 'auditor' && <AuditorScreen />}
        </main>
      </div>
    </LocaleContext>
  );
}
