// Installing to the home screen: Chromium's install prompt when offered, otherwise (iOS) a short guide — one
// affordance per platform, never both.
import { createObservable, type Observable } from '#client/lib/observable.ts';

type InstallPromptEvent = Event & { prompt: () => Promise<void>; userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }> };

export type InstallState = {
  /** The browser offered to install (beforeinstallprompt) and the app is not installed; never with needsGuide. */
  canPrompt: boolean;
  /** iOS/iPadOS Safari: no prompt exists, the user must use Share → 添加到主屏幕. */
  needsGuide: boolean;
  installed: boolean;
};

export type InstallControl = { state: Observable<InstallState>; prompt: () => Promise<boolean> };

export function isStandalone(): boolean {
  return matchMedia('(display-mode: standalone)').matches || (navigator as Navigator & { standalone?: boolean }).standalone === true;
}

export function isAppleMobile(): boolean {
  // iPadOS 13+ reports itself as a Mac; only the touch points give it away.
  return /iPad|iPhone|iPod/.test(navigator.userAgent) || (navigator.userAgent.includes('Macintosh') && navigator.maxTouchPoints > 1);
}

export function startInstall(): InstallControl {
  const installed = isStandalone();
  const state = createObservable<InstallState>({ canPrompt: false, needsGuide: !installed && isAppleMobile(), installed });
  let deferred: InstallPromptEvent | null = null;
  addEventListener('beforeinstallprompt', (event) => {
    event.preventDefault();
    // iPadOS installs only through Share → 添加到主屏幕 (an embedded browser may still fire the event): one way shown.
    if (state.get().needsGuide) return;
    deferred = event as InstallPromptEvent;
    state.set({ ...state.get(), canPrompt: true });
  });
  addEventListener('appinstalled', () => {
    deferred = null;
    state.set({ canPrompt: false, needsGuide: false, installed: true });
  });
  return {
    state,
    async prompt() {
      if (!deferred) return false;
      const event = deferred;
      deferred = null;
      await event.prompt();
      const { outcome } = await event.userChoice;
      state.set({ ...state.get(), canPrompt: false });
      return outcome === 'accepted';
    },
  };
}
