/**
 * RFC 6962 Merkle tree hash (section 2.1) over the journal's stored lines (each line without its
 * newline is a leaf): leaf = SHA-256(0x00 || line), node = SHA-256(0x01 || left || right). The
 * accumulator keeps one hash per set bit of the size (O(log n) memory) and gives the root of the
 * lines added so far, so verification streams the journal once. It hashes each input in one call
 * (crypto.hash) from a reused scratch buffer and keeps its hashes as 32-character latin1 strings:
 * per line that is a fraction of the cost of a Hash object and a Buffer for every leaf and node.
 */
import { createHash, hash } from 'node:crypto';

function leafHash(line: Uint8Array): Uint8Array {
  return new Uint8Array(createHash('sha256').update(Uint8Array.of(0)).update(line).digest());
}

function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  return new Uint8Array(createHash('sha256').update(Uint8Array.of(1)).update(left).update(right).digest());
}

export const EMPTY_ROOT = new Uint8Array(createHash('sha256').digest());

export class MerkleAccumulator {
  /** Perfect subtree roots, largest first, as latin1 ('binary') strings of their 32 bytes; subtree i covers 2^heights[i] leaves. */
  private readonly roots: string[] = [];
  private readonly heights: number[] = [];
  /** 0x00 || line for leaves, 0x01 || left || right for nodes. */
  private scratch = Buffer.alloc(4096);
  size = 0;

  private leaf(line: Uint8Array): string {
    if (this.scratch.length < line.length + 1) this.scratch = Buffer.alloc(Math.max(line.length + 1, this.scratch.length * 2));
    this.scratch[0] = 0;
    this.scratch.set(line, 1);
    return hash('sha256', this.scratch.subarray(0, line.length + 1), 'binary');
  }

  private node(left: string, right: string): string {
    this.scratch[0] = 1;
    this.scratch.write(left, 1, 32, 'latin1');
    this.scratch.write(right, 33, 32, 'latin1');
    return hash('sha256', this.scratch.subarray(0, 65), 'binary');
  }

  add(line: Uint8Array): void {
    let digest = this.leaf(line);
    let height = 0;
    while (this.heights.length > 0 && this.heights[this.heights.length - 1] === height) {
      digest = this.node(this.roots.pop()!, digest);
      this.heights.pop();
      height++;
    }
    this.roots.push(digest);
    this.heights.push(height);
    this.size++;
  }

  /** RFC 6962 MTH of the lines added so far. */
  root(): Uint8Array {
    if (this.roots.length === 0) return EMPTY_ROOT;
    let digest = this.roots[this.roots.length - 1]!;
    for (let i = this.roots.length - 2; i >= 0; i--) digest = this.node(this.roots[i]!, digest);
    return new Uint8Array(Buffer.from(digest, 'latin1'));
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
