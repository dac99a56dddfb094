import { performance } from 'node:perf_hooks';

/** A small seeded PRNG, so generated corpora are the same on every run. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function percentile(samples: number[], p: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

/** Mean wall time of `fn` in ms over `runs` runs (after one warm-up run when runs > 1). */
export function time(fn: () => unknown, runs: number): number {
  if (runs > 1) fn();
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) fn();
  return (performance.now() - t0) / runs;
}

/** Median wall time of `fn` in ms over `runs` runs, after `warmup` runs (JIT and heap in steady state). */
export function median(fn: () => unknown, runs: number, warmup = 1): number {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return percentile(samples, 50);
}

export function table(head: string[], rows: string[][]): void {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log(line(head));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line(r));
}

/**
 * Two alternatives timed in alternation (A then B, then B then A, …), so that a disturbance of the machine
 * falls on both: returns each one's median and the median, lowest and highest of the per-round ratios A / B.
 */
export function interleaved(
  a: () => unknown,
  b: () => unknown,
  rounds: number,
  warmup = 3,
): { a: number; b: number; ratio: number; low: number; high: number } {
  for (let i = 0; i < warmup; i++) {
    a();
    b();
  }
  const as: number[] = [];
  const bs: number[] = [];
  const ratios: number[] = [];
  const once = (fn: () => unknown) => {
    const t0 = performance.now();
    fn();
    return performance.now() - t0;
  };
  for (let i = 0; i < rounds; i++) {
    let ta: number;
    let tb: number;
    if (i % 2 === 0) {
      ta = once(a);
      tb = once(b);
    } else {
      tb = once(b);
      ta = once(a);
    }
    as.push(ta);
    bs.push(tb);
    ratios.push(ta / tb);
  }
  return {
    a: percentile(as, 50),
    b: percentile(bs, 50),
    ratio: percentile(ratios, 50),
    low: Math.min(...ratios),
    high: Math.max(...ratios),
  };
}
