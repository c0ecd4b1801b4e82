import {
  PART_ROLES,
  foldSpelling,
  initialClass,
  type NamePart,
  type NameParticle,
  type PartRole,
  type PreparedName,
} from './name-parts.js';

const PARTICLE = 4;

/**
 * The names of a watchlist index's entries, compactly: every distinct name word once (as a `NamePart`),
 * and per entry slot its names as word ids in one shared Int32Array —
 * `[names, then per name: words, then per word: id × 8 + role (+ 4 for a particle)]`.
 */
export class NameStore {
  private readonly ids = new Map<string, number>();
  private readonly parts: NamePart[] = [];
  private data = new Int32Array(1 << 14);
  private start = new Int32Array(1024);
  private end = 0;
  nameCount = 0;

  get partCount(): number {
    return this.parts.length;
  }

  clear(): void {
    this.data = new Int32Array(1 << 14);
    this.start = new Int32Array(1024);
    this.end = 0;
    this.nameCount = 0;
  }

  store(slot: number, names: readonly PreparedName[]): void {
    const codes: number[] = [names.length];
    for (const name of names) {
      this.nameCount++;
      const words = wordsOf(name);
      codes.push(words.length);
      for (const w of words)
        codes.push(this.idOf(w.part, w.particle) * 8 + w.role + (w.particle ? PARTICLE : 0));
    }
    if (slot >= this.start.length) {
      const start = new Int32Array(Math.ceil((slot + 1) * 1.5));
      start.set(this.start);
      this.start = start;
    }
    if (this.end + codes.length > this.data.length) {
      const data = new Int32Array(Math.ceil((this.end + codes.length) * 1.5));
      data.set(this.data);
      this.data = data;
    }
    this.start[slot] = this.end;
    this.data.set(codes, this.end);
    this.end += codes.length;
  }

  nameCountOf(slot: number): number {
    return this.data[this.start[slot] ?? 0] ?? 0;
  }

  /**
   * Reads the parts (not the particles) of the slot's `k`th name into the arrays, at most `max`;
   * sets the arrays' lengths and returns the count.
   */
  readParts(
    slot: number,
    k: number,
    parts: NamePart[],
    roles: PartRole[],
    ids: Int32Array,
    max: number,
  ): number {
    let at = this.nameAt(slot, k);
    const words = this.data[at++] ?? 0;
    let count = 0;
    for (let w = 0; w < words && count < max; w++) {
      const code = this.data[at + w] ?? 0;
      if (code & PARTICLE) continue;
      ids[count] = code >> 3;
      parts[count] = this.part(code >> 3);
      roles[count] = (code & 3) as PartRole;
      count++;
    }
    parts.length = count;
    roles.length = count;
    return count;
  }

  /** The slot's `k`th name, particles and display included. */
  readName(slot: number, k: number): PreparedName {
    let at = this.nameAt(slot, k);
    const words = this.data[at++] ?? 0;
    const parts: NamePart[] = [];
    const roles: PartRole[] = [];
    const particles: NameParticle[] = [];
    const fields: string[][] = [[], [], [], []];
    for (let w = 0; w < words; w++) {
      const code = this.data[at + w] ?? 0;
      const part = this.part(code >> 3);
      const role = (code & 3) as PartRole;
      fields[role === PART_ROLES.laterGiven ? PART_ROLES.firstGiven : role]?.push(part.text);
      if (code & PARTICLE) particles.push({ text: part.text, before: parts.length });
      else {
        parts.push(part);
        roles.push(role);
      }
    }
    const [surnames = [], given = [], , unknown = []] = fields;
    const surname = [...surnames, ...unknown].join(' ');
    return {
      parts,
      roles,
      particles,
      display: given.length === 0 ? surname : `${surname}, ${given.join(' ')}`,
    };
  }

  /** All the slot's names. */
  read(slot: number): PreparedName[] {
    return Array.from({ length: this.nameCountOf(slot) }, (_, k) => this.readName(slot, k));
  }

  private part(id: number): NamePart {
    const part = this.parts[id];
    if (part === undefined) throw new RangeError(`no name word ${id}`);
    return part;
  }

  private nameAt(slot: number, k: number): number {
    let at = (this.start[slot] ?? 0) + 1;
    for (let n = 0; n < k; n++) at += (this.data[at] ?? 0) + 1;
    return at;
  }

  private idOf(part: NamePart, particle: boolean): number {
    const key = `${particle ? 'p' : ''}|${part.text}|${part.plain}|${part.compound}|${part.unvocalised ? 1 : 0}`;
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.parts.length;
      this.parts.push(part);
      this.ids.set(key, id);
    }
    return id;
  }
}

/** A name's words in order, particles included (particles are kept for display). */
function wordsOf(name: PreparedName): { part: NamePart; role: PartRole; particle: boolean }[] {
  const words: { part: NamePart; role: PartRole; particle: boolean }[] = [];
  name.parts.forEach((part, i) => {
    for (const particle of name.particles)
      if (particle.before === i)
        words.push({ part: particlePart(particle.text), role: roleOf(name, i), particle: true });
    words.push({ part, role: roleOf(name, i), particle: false });
  });
  return words;
}

const roleOf = (name: PreparedName, i: number): PartRole => name.roles[i] ?? PART_ROLES.unknown;

function particlePart(text: string): NamePart {
  const fold = foldSpelling(text);
  return {
    text,
    plain: '',
    compound: '',
    fold,
    skeleton: '',
    keys: ['', ''],
    initialClass: initialClass(fold),
    initial: text.length === 1,
    unvocalised: false,
    script: 'latin',
  };
}
