/**
 * The application menu: built from Electron roles only. It replaces Electron's default menu, whose
 * Help items open web pages with shell.openExternal; Custos opens nothing outside itself.
 * Spec: docs/architecture.md, "Principles" 4 (offline by construction).
 */
import type { MenuItemConstructorOptions } from 'electron';

export function applicationMenuTemplate(platform: NodeJS.Platform, devTools: boolean): MenuItemConstructorOptions[] {
  const template: MenuItemConstructorOptions[] = [];
  if (platform === 'darwin') template.push({ role: 'appMenu' });
  template.push({ role: 'fileMenu' }, { role: 'editMenu' });
  if (devTools) template.push({ role: 'viewMenu' });
  template.push({ role: 'windowMenu' });
  return template;
}
