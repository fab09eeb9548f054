// A small LRU cache with real hit/lookup counting (Map keeps insertion order; a hit re-inserts).

export class LruCache<V> {
  private readonly map = new Map<string, V>();
  hits = 0;
  lookups = 0;

  constructor(readonly maxEntries: number) {}

  get(key: string): V | undefined {
    this.lookups++;
    const v = this.map.get(key);
    if (v === undefined) return undefined;
    this.hits++;
    this.map.delete(key);
    this.map.set(key, v);
    return v;
  }

  set(key: string, value: V): void {
    if (this.maxEntries <= 0) return;
    if (this.map.has(key)) this.map.delete(key);
    this.map.set(key, value);
    while (this.map.size > this.maxEntries) {
      const oldest = this.map.keys().next().value as string;
      this.map.delete(oldest);
    }
  }

  get size(): number {
    return this.map.size;
  }

  /** hits / lookups since start (0 before the first lookup). */
  hitRate(): number {
    return this.lookups === 0 ? 0 : this.hits / this.lookups;
  }

  clear(): void {
    this.map.clear();
  }
}
