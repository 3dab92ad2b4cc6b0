/**
 * Is this machine offline? (docs/architecture.md, "Principles" 4; docs/compliance.md, R2.) Reads,
 * under an injectable root so tests use fixture trees:
 *   - /sys/class/net/<iface>: operstate, carrier, wireless (non-loopback interfaces);
 *   - /proc/net/route and /proc/net/ipv6_route: default routes;
 *   - /sys/class/rfkill/<radio>: type, soft and hard block state;
 * and the addresses of os.networkInterfaces() that are not internal. The machine looks online when
 * a non-loopback interface is up with carrier, a default route exists, a routable (non-internal,
 * non-link-local) address is configured, or a radio is unblocked. The evidence is recorded as is.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

interface InterfaceEvidence {
  name: string;
  operstate: string;
  carrier: boolean | null;
  wireless: boolean;
}

interface RadioEvidence {
  name: string;
  type: string;
  softBlocked: boolean;
  hardBlocked: boolean;
}

export interface AirGapEvidence {
  checkedAt: string;
  root: string;
  online: boolean;
  reasons: string[];
  interfaces: InterfaceEvidence[];
  defaultRoutes: string[];
  addresses: string[];
  radios: RadioEvidence[];
}

export interface AirGapSources {
  /** Root under which /sys and /proc are read ("/" on a real station). */
  root: string;
  networkInterfaces: () => NodeJS.Dict<os.NetworkInterfaceInfo[]>;
  now: () => Date;
}

export const SYSTEM: AirGapSources = { root: '/', networkInterfaces: os.networkInterfaces, now: () => new Date() };

function read(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    return null;
  }
}

function list(dir: string): string[] {
  try {
    return fs.readdirSync(dir).sort();
  } catch {
    return [];
  }
}

function interfaces(root: string): InterfaceEvidence[] {
  const base = path.join(root, 'sys/class/net');
  return list(base)
    .filter((name) => name !== 'lo')
    .map((name) => {
      const dir = path.join(base, name);
      const carrier = read(path.join(dir, 'carrier'));
      return {
        name,
        operstate: read(path.join(dir, 'operstate')) ?? 'unknown',
        carrier: carrier === null ? null : carrier === '1',
        wireless: fs.existsSync(path.join(dir, 'wireless')) || fs.existsSync(path.join(dir, 'phy80211')),
      };
    });
}

/** Default routes of /proc/net/route (destination and mask 0) and /proc/net/ipv6_route (::/0). */
function defaultRoutes(root: string): string[] {
  const routes: string[] = [];
  for (const line of (read(path.join(root, 'proc/net/route')) ?? '').split('\n').slice(1)) {
    const f = line.trim().split(/\s+/u);
    if (f.length >= 8 && f[1] === '00000000' && f[7] === '00000000' && f[0] !== 'lo') routes.push(`ipv4 default via ${f[0]}`);
  }
  for (const line of (read(path.join(root, 'proc/net/ipv6_route')) ?? '').split('\n')) {
    const f = line.trim().split(/\s+/u);
    if (f.length >= 10 && /^0{32}$/u.test(f[0]!) && f[1] === '00' && f[9] !== 'lo') routes.push(`ipv6 default via ${f[9]}`);
  }
  return routes;
}

function radios(root: string): RadioEvidence[] {
  const base = path.join(root, 'sys/class/rfkill');
  return list(base).map((name) => {
    const dir = path.join(base, name);
    return {
      name: read(path.join(dir, 'name')) ?? name,
      type: read(path.join(dir, 'type')) ?? 'unknown',
      softBlocked: read(path.join(dir, 'soft')) === '1',
      hardBlocked: read(path.join(dir, 'hard')) === '1',
    };
  });
}

function routableAddresses(sources: AirGapSources): string[] {
  const out: string[] = [];
  for (const [name, infos] of Object.entries(sources.networkInterfaces())) {
    for (const info of infos ?? []) {
      if (info.internal) continue;
      if (info.family === 'IPv6' && /^fe80:/iu.test(info.address)) continue;
      if (info.family === 'IPv4' && info.address.startsWith('169.254.')) continue;
      out.push(`${name} ${info.address}`);
    }
  }
  return out.sort();
}

export function checkAirGap(sources: AirGapSources = SYSTEM): AirGapEvidence {
  const ifaces = interfaces(sources.root);
  const routes = defaultRoutes(sources.root);
  const addresses = routableAddresses(sources);
  const rf = radios(sources.root);
  const reasons: string[] = [];
  for (const i of ifaces) {
    if (i.operstate === 'up' && i.carrier !== false) reasons.push(`interface ${i.name} is up${i.carrier ? ' with a link' : ''}`);
  }
  for (const r of routes) reasons.push(`a default route exists (${r})`);
  for (const a of addresses) reasons.push(`a network address is configured (${a})`);
  for (const r of rf) if (!r.softBlocked && !r.hardBlocked) reasons.push(`the ${r.type} radio ${r.name} is not blocked`);
  return {
    checkedAt: sources.now().toISOString(),
    root: sources.root,
    online: reasons.length > 0,
    reasons,
    interfaces: ifaces,
    defaultRoutes: routes,
    addresses,
    radios: rf,
  };
}
