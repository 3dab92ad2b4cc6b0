/**
 * The air-gap banner (docs/desktop-app.md, the app API's airGap): green while the station finds no
 * network, red with the reasons as soon as it does. Checked every few seconds through
 * window.custos.airGap().
 */
import { useEffect, useState } from 'react';
import type { AirGapView } from '../../../main/app/app-api.ts';
import { custosApi } from '../custos-api.ts';
import { APP_TEXT } from '../i18n/app-messages.ts';
import { useText } from '../i18n/locale-context.tsx';

const INTERVAL_MS = 5000;

export function AirGapBanner() {
  const text = useText(APP_TEXT);
  const [state, setState] = useState<AirGapView | 'unknown' | null>(null);
  useEffect(() => {
    let live = true;
    const check = () =>
      custosApi()
        .airGap()
        .then(
          (v) => live && setState(v),
          () => live && setState('unknown'),
        );
    void check();
    const timer = setInterval(check, INTERVAL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, []);
  if (state === null) return null;
  if (state === 'unknown')
    return (
      <div className="airgap airgap--unknown" role="status" data-testid="airgap">
        {text.airGapUnknown}
      </div>
    );
  return state.online ? (
    <div className="airgap airgap--online" role="alert" data-testid="airgap" data-online="true">
      {text.online(state.reasons.join('; '))}
    </div>
  ) : (
    <div className="airgap airgap--offline" role="status" data-testid="airgap" data-online="false">
      {text.offline}
    </div>
  );
}
