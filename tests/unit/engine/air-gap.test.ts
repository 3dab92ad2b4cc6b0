/**
 * The air-gap check (issue 4, "Air gap") over fixture trees of /sys and /proc: an offline laptop
 * (loopback only, ethernet down, Wi-Fi soft-blocked) passes; each sign of being online is caught and
 * named: an interface up with carrier, an IPv4 or IPv6 default route, a routable address, an
 * unblocked radio.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { NetworkInterfaceInfo } from 'node:os';
import { afterEach, expect, test } from 'vitest';
import { checkAirGap } from '../../../ceremonies/engine/air-gap.ts';

let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

function put(file: string, text: string) {
  mkdirSync(dirname(join(root, file)), { recursive: true });
  writeFileSync(join(root, file), text);
}

const ROUTE_HEADER = 'Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT\n';
const loopbackOnly = () => ({ lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true } as NetworkInterfaceInfo] });

function offlineLaptop() {
  root = mkdtempSync(join(tmpdir(), 'custos-airgap-'));
  put('sys/class/net/lo/operstate', 'unknown\n');
  put('sys/class/net/eth0/operstate', 'down\n');
  put('sys/class/net/eth0/carrier', '0\n');
  put('sys/class/net/wlan0/operstate', 'down\n');
  mkdirSync(join(root, 'sys/class/net/wlan0/wireless'), { recursive: true });
  put('proc/net/route', ROUTE_HEADER);
  put(
    'proc/net/ipv6_route',
    '00000000000000000000000000000001 80 00000000000000000000000000000000 00 00000000000000000000000000000000 00000000 00000001 00000000 00000001       lo\n',
  );
  put('sys/class/rfkill/rfkill0/type', 'wlan\n');
  put('sys/class/rfkill/rfkill0/name', 'phy0\n');
  put('sys/class/rfkill/rfkill0/soft', '1\n');
  put('sys/class/rfkill/rfkill0/hard', '0\n');
}

const sources = (interfaces = loopbackOnly) => ({ root, networkInterfaces: interfaces, now: () => new Date('2026-11-23T10:00:00Z') });

test('an offline laptop passes, with its evidence', () => {
  offlineLaptop();
  const evidence = checkAirGap(sources());
  expect(evidence.online).toBe(false);
  expect(evidence.reasons).toEqual([]);
  expect(evidence.interfaces).toEqual([
    { name: 'eth0', operstate: 'down', carrier: false, wireless: false },
    { name: 'wlan0', operstate: 'down', carrier: null, wireless: true },
  ]);
  expect(evidence.radios).toEqual([{ name: 'phy0', type: 'wlan', softBlocked: true, hardBlocked: false }]);
  expect(evidence.checkedAt).toBe('2026-11-23T10:00:00.000Z');
});

test('an interface up with carrier is online', () => {
  offlineLaptop();
  put('sys/class/net/eth0/operstate', 'up\n');
  put('sys/class/net/eth0/carrier', '1\n');
  expect(checkAirGap(sources()).reasons).toEqual(['interface eth0 is up with a link']);
});

test('an IPv4 default route is online', () => {
  offlineLaptop();
  put('proc/net/route', `${ROUTE_HEADER}eth0\t00000000\t0102A8C0\t0003\t0\t0\t100\t00000000\t0\t0\t0\n`);
  expect(checkAirGap(sources()).reasons).toEqual(['a default route exists (ipv4 default via eth0)']);
});

test('an IPv6 default route is online', () => {
  offlineLaptop();
  put(
    'proc/net/ipv6_route',
    '00000000000000000000000000000000 00 00000000000000000000000000000000 00 fe800000000000000000000000000001 00000400 00000001 00000000 00000003     eth0\n',
  );
  expect(checkAirGap(sources()).reasons).toEqual(['a default route exists (ipv6 default via eth0)']);
});

test('a routable address is online; link-local addresses are not', () => {
  offlineLaptop();
  const addresses = () => ({
    ...loopbackOnly(),
    eth0: [
      { address: 'fe80::1', family: 'IPv6', internal: false } as NetworkInterfaceInfo,
      { address: '169.254.3.4', family: 'IPv4', internal: false } as NetworkInterfaceInfo,
      { address: '192.168.1.20', family: 'IPv4', internal: false } as NetworkInterfaceInfo,
    ],
  });
  expect(checkAirGap(sources(addresses)).reasons).toEqual(['a network address is configured (eth0 192.168.1.20)']);
});

test('an unblocked radio is online', () => {
  offlineLaptop();
  put('sys/class/rfkill/rfkill1/type', 'bluetooth\n');
  put('sys/class/rfkill/rfkill1/name', 'hci0\n');
  put('sys/class/rfkill/rfkill1/soft', '0\n');
  put('sys/class/rfkill/rfkill1/hard', '0\n');
  expect(checkAirGap(sources()).reasons).toEqual(['the bluetooth radio hci0 is not blocked']);
});

test('this build machine, as it really is, is read without error', () => {
  root = mkdtempSync(join(tmpdir(), 'custos-airgap-'));
  const evidence = checkAirGap();
  expect(typeof evidence.online).toBe('boolean');
  expect(evidence.root).toBe('/');
});
