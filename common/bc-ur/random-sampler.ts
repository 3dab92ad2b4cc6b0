/**
 * Sampling an index from a discrete probability distribution with Walker's alias method (Vose's
 * construction, as described by Keith Schwarz, "Darts, Dice, and Coins", 2011). Spec: BCR-2024-001
 * "Multipart UR" (formerly BCR-2020-005), `chooseDegree` uses a RandomSampler built this way; the
 * details that decide every output (the small/large work lists filled from the highest index down,
 * the order of floating-point operations, two draws per sample) follow the reference
 * implementations (bc-ur C++ random-sampler.cpp, URKit RandomSampler.swift), since encoder and
 * decoder must agree bit for bit.
 */

export class RandomSampler {
  private readonly probabilities: number[];
  private readonly aliasTable: number[];

  /** `weights`: non-negative, not all zero; they need not sum to 1. */
  constructor(weights: readonly number[]) {
    if (weights.length === 0) throw new RangeError('weights: expected at least one weight');
    for (const w of weights) {
      if (!(w >= 0) || !Number.isFinite(w)) throw new RangeError('weights: expected finite non-negative numbers');
    }
    let sum = 0;
    for (const w of weights) sum += w;
    if (!(sum > 0)) throw new RangeError('weights: expected a positive total');

    const n = weights.length;
    // Scaled so that the mean is 1: P[i] = w[i] * n / sum, in this order of operations.
    const scaled = weights.map((w) => (w * n) / sum);
    const small: number[] = [];
    const large: number[] = [];
    for (let i = n - 1; i >= 0; i--) (scaled[i]! < 1 ? small : large).push(i);

    const probs = new Array<number>(n).fill(0);
    const aliases = new Array<number>(n).fill(0);
    while (small.length > 0 && large.length > 0) {
      const a = small.pop()!;
      const g = large.pop()!;
      probs[a] = scaled[a]!;
      aliases[a] = g;
      scaled[g] = scaled[g]! + (scaled[a]! - 1);
      (scaled[g]! < 1 ? small : large).push(g);
    }
    while (large.length > 0) probs[large.pop()!] = 1;
    // Only reachable through rounding error.
    while (small.length > 0) probs[small.pop()!] = 1;

    this.probabilities = probs;
    this.aliasTable = aliases;
  }

  /** An index in [0, n), drawing two doubles in [0, 1) from `random`. */
  next(random: () => number): number {
    const r1 = random();
    const r2 = random();
    const n = this.probabilities.length;
    // r1 is 1 only when next() rounds up to 2^64; the reference reads past its table there.
    const i = Math.min(Math.floor(n * r1), n - 1);
    return r2 < this.probabilities[i]! ? i : this.aliasTable[i]!;
  }
}
