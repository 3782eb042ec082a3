// The app: loads the terminal's status, follows main's events, and shows the screen the status calls for.
import { useEffect, useState } from 'react';
import { ErrorBoundary } from './components/ErrorBoundary.tsx';
import { applyTheme } from './lib/theme.ts';
import { ConnectScreen } from './screens/ConnectScreen.tsx';
import { FirstStartScreen } from './screens/FirstStartScreen.tsx';
import { KeysAgainScreen } from './screens/KeysAgainScreen.tsx';
import { PinSetupScreen } from './screens/PinSetupScreen.tsx';
import { PolicyProblemScreen } from './screens/PolicyProblemScreen.tsx';
import { SaleScreen } from './screens/SaleScreen.tsx';
import { LoadingScreen, StartFailedScreen } from './screens/StartScreens.tsx';
import { subscribeToPos, useAppStatus } from './stores/index.ts';

export function App() {
  useEffect(() => {
    const stop = subscribeToPos();
    // main.tsx usually asked already; asking again would only repeat the same call.
    const { status, loading, load } = useAppStatus.getState();
    if (!status && !loading) void load();
    return stop;
  }, []);

  return (
    <ErrorBoundary onReset={() => void useAppStatus.getState().load()}>
      <Screens />
    </ErrorBoundary>
  );
}

function Screens() {
  const status = useAppStatus((s) => s.status);
  const loadError = useAppStatus((s) => s.loadError);
  const notConnected = useAppStatus((s) => s.notConnected);
  const [connecting, setConnecting] = useState(false);
  const theme = status?.settings.theme ?? 'system';

  useEffect(() => applyTheme(theme), [theme]);

  if (!status)
    return loadError ? (
      <StartFailedScreen message={loadError} notConnected={notConnected} />
    ) : (
      <LoadingScreen />
    );
  // An invalid machine policy stops the terminal before anything else: no half-configured counter.
  if (status.policy.problems.length > 0) return <PolicyProblemScreen policy={status.policy} />;
  if (status.mode === 'first-run') {
    return connecting ? (
      <ConnectScreen onBack={() => setConnecting(false)} />
    ) : (
      <FirstStartScreen onConnect={() => setConnecting(true)} />
    );
  }
  // The keys were kept for this session only and KS Pay POS restarted: they are typed again, as promised.
  if (status.mode === 'live' && !status.hasKeys) return <KeysAgainScreen status={status} />;
  // Real keys were saved and no PIN protects them yet.
  if (status.mode === 'live' && !status.hasPin) return <PinSetupScreen />;
  return <SaleScreen status={status} />;
}
