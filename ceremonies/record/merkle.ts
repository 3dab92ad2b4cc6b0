/**
 * RFC 6962 Merkle tree hash (section 2.1) over the journal's stored lines (each line without its
 * newline is a leaf): leaf = SHA-256(0x00 || line), node = SHA-256(0x01 || left || right). The
 * accumulator keeps one hash per set bit of the size (O(log n) memory) and gives the root of the
 * lines added so far, so verification streams the journal once.
 */
import { createHash } from 'node:crypto';

export function leafHash(line: Uint8Array): Uint8Array {
  return new Uint8Array(createHash('sha256').update(Uint8Array.of(0)).update(line).digest());
}

function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  return new Uint8Array(createHash('sha256').update(Uint8Array.of(1)).update(left).update(right).digest());
}

export const EMPTY_ROOT = new Uint8Array(createHash('sha256').digest());

export class MerkleAccumulator {
  /** Perfect subtree roots, largest first; subtree i covers 2^heights[i] leaves. */
  private readonly roots: Uint8Array[] = [];
  private readonly heights: number[] = [];
  size = 0;

  add(line: Uint8Array): void {
    let hash = leafHash(line);
    let height = 0;
    while (this.heights.length > 0 && this.heights.at(-1) === height) {
      hash = nodeHash(this.roots.pop()!, hash);
      this.heights.pop();
      height++;
    }
    this.roots.push(hash);
    this.heights.push(height);
    this.size++;
  }

  /** RFC 6962 MTH of the lines added so far. */
  root(): Uint8Array {
    if (this.roots.length === 0) return EMPTY_ROOT;
    let hash = this.roots.at(-1)!;
    for (let i = this.roots.length - 2; i >= 0; i--) hash = nodeHash(this.roots[i]!, hash);
    return hash;
  }
}

/** Reference MTH straight from RFC 6962's recursive definition (tests and small inputs). */
export function merkleRoot(lines: Uint8Array[]): Uint8Array {
  if (lines.length === 0) return EMPTY_ROOT;
  if (lines.length === 1) return leafHash(lines[0]!);
  let k = 1;
  while (k * 2 < lines.length) k *= 2;
  return nodeHash(merkleRoot(lines.slice(0, k)), merkleRoot(lines.slice(k)));
}
