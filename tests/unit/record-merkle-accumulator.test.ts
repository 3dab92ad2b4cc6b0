/**
 * The streaming Merkle accumulator (one-shot hashes, latin1 strings inside; ADR 0011) gives the
 * RFC 6962 root of the reference recursion at every size, for lines short and longer than its
 * scratch buffer, and the empty root at size 0.
 */
import { createHash } from 'node:crypto';
import { expect, test } from 'vitest';
import { EMPTY_ROOT, MerkleAccumulator, merkleRoot } from '../../ceremonies/record/merkle.ts';

test('the accumulator root equals the reference MTH at every size up to 70', () => {
  const lines: Uint8Array[] = [];
  const merkle = new MerkleAccumulator();
  expect(merkle.root()).toEqual(EMPTY_ROOT);
  for (let i = 0; i < 70; i++) {
    const length = i % 7 === 3 ? 9000 + i : (i * 37) % 300;
    const line = new Uint8Array(length);
    for (let j = 0; j < length; j++) line[j] = (i * 31 + j * 7) & 0xff;
    lines.push(line);
    merkle.add(line);
    expect(Buffer.from(merkle.root()).toString('hex'), `size ${i + 1}`).toBe(Buffer.from(merkleRoot(lines)).toString('hex'));
  }
  // RFC 6962: a single leaf is SHA-256(0x00 || line).
  const one = new MerkleAccumulator();
  one.add(lines[5]!);
  expect(Buffer.from(one.root()).toString('hex')).toBe(createHash('sha256').update(Uint8Array.of(0)).update(lines[5]!).digest('hex'));
});
