/**
 * CRC-32 as used by Uniform Resources: the checksum appended to every Bytewords body and the
 * `checksum` field of every multipart UR part. Spec: BCR-2020-012 "Checksum" (CRC-32 of the body,
 * appended in network byte order) and BCR-2020-005 / BCR-2024-001 (CRC-32 of the whole message in
 * each part). The CRC itself is the ISO-HDLC / IEEE 802.3 one (reflected polynomial 0xEDB88320,
 * initial value and final XOR 0xFFFFFFFF), the same as zlib's `crc32`.
 */

const TABLE: Uint32Array = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** The CRC-32 of `bytes` as an unsigned 32-bit integer. */
export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** `value` (an unsigned 32-bit integer) as 4 bytes, big-endian (network order). */
export function uint32BigEndian(value: number): Uint8Array {
  if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) {
    throw new RangeError(`value: expected an unsigned 32-bit integer, got ${value}`);
  }
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, value, false);
  return out;
}

/** The CRC-32 of `bytes` as 4 bytes in network order, as appended to a Bytewords body. */
export function crc32Bytes(bytes: Uint8Array): Uint8Array {
  return uint32BigEndian(crc32(bytes));
}
