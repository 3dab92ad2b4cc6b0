/**
 * Links inside a screen (a finding to its entry, a wallet to its replacement, an incident named by
 * a wallet): scroll to the element and give it the focus, without any navigation (the app never
 * navigates: main denies it, docs/architecture.md, "Processes"). The target carries tabIndex -1.
 */
export function revealElement(id: string): void {
  const element = document.getElementById(id);
  if (!element) return;
  element.scrollIntoView({ block: 'center' });
  element.focus({ preventScroll: true });
}
