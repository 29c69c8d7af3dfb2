import { type Buckets, bucketOf, emptyValues, isFuture } from "./buckets";
import type { Labels, Series } from "./metric";
import { type Stat, summarize } from "./stats";

// Turning facts into one value per bucket: events counted where they happened, states held over
// intervals sampled at each bucket's end (a sweep of +1/−1), samples summarized per bucket.

/** Keyed series, created on first use, kept in insertion order. */
class Keyed<T> {
  readonly items = new Map<string, { labels: Labels; data: T }>();
  constructor(private readonly make: () => T) {}
  get(labels: Labels): T {
    const key = JSON.stringify(labels);
    let item = this.items.get(key);
    if (!item) {
      item = { labels, data: this.make() };
      this.items.set(key, item);
    }
    return item.data;
  }
}

/** Counts events per bucket; empty buckets hold 0. */
export class EventCounter {
  private readonly keyed: Keyed<number[]>;
  constructor(private readonly b: Buckets) {
    this.keyed = new Keyed(() => new Array<number>(b.count).fill(0));
  }
  /** `at` in Unix seconds; events outside the range are ignored. */
  add(labels: Labels, at: number, amount = 1) {
    const i = bucketOf(this.b, at);
    const values = this.keyed.get(labels);
    if (i >= 0 && i < this.b.count) values[i]! += amount;
  }
  /** Makes the series exist (all zeros) even without events. */
  touch(labels: Labels) {
    this.keyed.get(labels);
  }
  series(): Series[] {
    return [...this.keyed.items.values()].map(({ labels, data }) => ({
      labels,
      values: data.map((v, i) => (isFuture(this.b, i) ? null : v)),
    }));
  }
}

/**
 * How many things are in a state at the end of each bucket. A thing in the state over [from, to)
 * (null = unbounded) counts in every bucket whose end is after `from` and not after `to`: an event
 * belongs to the bucket it happened in, and a bucket's value includes all its events.
 */
export class StateCounter {
  private readonly keyed: Keyed<number[]>;
  constructor(private readonly b: Buckets) {
    this.keyed = new Keyed(() => new Array<number>(b.count + 1).fill(0));
  }
  add(labels: Labels, from: number | null, to: number | null) {
    const lo = from === null ? 0 : Math.max(0, bucketOf(this.b, from));
    const hi = to === null ? this.b.count : Math.min(this.b.count, bucketOf(this.b, to));
    const deltas = this.keyed.get(labels);
    if (lo >= hi) return;
    deltas[lo]! += 1;
    deltas[hi]! -= 1;
  }
  touch(labels: Labels) {
    this.keyed.get(labels);
  }
  series(): Series[] {
    return [...this.keyed.items.values()].map(({ labels, data }) => {
      const values = emptyValues(this.b, 0);
      let running = 0;
      for (let i = 0; i < this.b.count; i++) {
        running += data[i]!;
        if (values[i] !== null) values[i] = running;
      }
      return { labels, values };
    });
  }
}

/** Collects samples per bucket and summarizes them; a bucket without samples holds null. */
export class SampleStats {
  private readonly samples: number[][];
  constructor(private readonly b: Buckets) {
    this.samples = Array.from({ length: b.count }, () => []);
  }
  add(at: number, value: number) {
    const i = bucketOf(this.b, at);
    if (i >= 0 && i < this.b.count) this.samples[i]!.push(value);
  }
  addToBucket(i: number, value: number) {
    this.samples[i]!.push(value);
  }
  series(stats: readonly Stat[], labels: Labels = {}): Series[] {
    return stats.map((stat) => ({
      labels: { ...labels, stat },
      values: this.samples.map((s, i) => (isFuture(this.b, i) ? null : summarize(s, stat))),
    }));
  }
}
