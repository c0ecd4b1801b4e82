import { SltdIndex } from './sltd-index.js';

function sample(): SltdIndex {
  const index = new SltdIndex();
  for (let i = 0; i < 3000; i++) {
    index.upsert({
      issuingState: ['NLD', 'D', 'GBR', 'XXA'][i % 4]!,
      documentType: ['P', 'I', 'V'][i % 3]!,
      documentNumber:
        i % 10 === 0 ? `LONG${String(i).padStart(12, '0')}` : `N${i.toString(36).toUpperCase()}`,
      status: (['lost', 'stolen', 'revoked', 'invalidated'] as const)[i % 4]!,
    });
  }
  for (let i = 0; i < 300; i += 3)
    index.withdraw({
      issuingState: ['NLD', 'D', 'GBR', 'XXA'][i % 4]!,
      documentType: ['P', 'I', 'V'][i % 3]!,
      documentNumber:
        i % 10 === 0 ? `LONG${String(i).padStart(12, '0')}` : `N${i.toString(36).toUpperCase()}`,
    });
  index.upsertSeries({
    issuingState: 'D',
    documentType: 'P',
    prefix: 'C01',
    firstNumber: '000',
    lastNumber: '999',
    status: 'stolen_blank',
  });
  return index;
}

const byKey = (a: { issuingState: string; documentType: string; documentNumber: string }, b: typeof a) =>
  `${a.issuingState}:${a.documentType}:${a.documentNumber}`.localeCompare(
    `${b.issuingState}:${b.documentType}:${b.documentNumber}`,
  );

describe('SltdIndex snapshots', () => {
  it('round-trip every record, series, long number and the metadata', () => {
    const index = sample();
    const bytes = index.snapshot({ offsets: { '0': '1234' } });
    const loaded = SltdIndex.fromSnapshot(bytes);
    expect(loaded.size).toBe(index.size);
    expect([...loaded.records()].sort(byKey)).toEqual([...index.records()].sort(byKey));
    expect([...loaded.series()]).toEqual([...index.series()]);
    expect(loaded.stats()).toEqual(index.stats());
    expect(loaded.lookup('D', 'C01500')).toHaveLength(1);
    expect(loaded.lookup('NLD', 'LONG000000000000', 'P')).toEqual(
      index.lookup('NLD', 'LONG000000000000', 'P'),
    );
    expect(SltdIndex.snapshotMetadata(bytes)).toEqual({ offsets: { '0': '1234' } });
    // The loaded index is a live one: it takes changes, grows, and its snapshot is the same again.
    expect(loaded.snapshot({ offsets: { '0': '1234' } })).toEqual(bytes);
    loaded.upsert({
      issuingState: 'NLD',
      documentType: 'P',
      documentNumber: 'LONG999999999999',
      status: 'lost',
    });
    expect(loaded.lookup('NLD', 'LONG999999999999')).toHaveLength(1);
  });

  it('load from an unaligned buffer', () => {
    const bytes = sample().snapshot();
    const shifted = new Uint8Array(bytes.length + 1).subarray(1);
    shifted.set(bytes);
    expect(SltdIndex.fromSnapshot(shifted).size).toBe(sample().size);
  });

  it('refuse truncated, corrupted or foreign bytes', () => {
    const bytes = sample().snapshot();
    expect(() => SltdIndex.fromSnapshot(bytes.subarray(0, bytes.length - 1))).toThrow(/truncated/);
    const corrupted = bytes.slice();
    corrupted[100] = corrupted[100]! ^ 1;
    expect(() => SltdIndex.fromSnapshot(corrupted)).toThrow(/checksum/);
    expect(() =>
      SltdIndex.fromSnapshot(new TextEncoder().encode('not a snapshot at all, clearly no')),
    ).toThrow(/magic/);
    expect(() => SltdIndex.fromSnapshot(new Uint8Array(4))).toThrow(RangeError);
    const otherHash = bytes.slice();
    otherHash[28] = otherHash[28]! ^ 1;
    expect(() => SltdIndex.fromSnapshot(otherHash)).toThrow(/hash/);
    const otherVersion = bytes.slice();
    otherVersion[8] = 2;
    expect(() => SltdIndex.fromSnapshot(otherVersion)).toThrow(/version/);
  });
});
