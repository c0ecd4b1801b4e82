import { foldSpelling, prepareName, skeletonOf } from './name-parts.js';

describe('prepareName', () => {
  it('splits a name into parts with their roles, the family name first', () => {
    const name = prepareName({ surname: 'García López', givenNames: 'María José' });
    expect(name.parts.map((p) => p.text)).toEqual(['GARCIA', 'LOPEZ', 'MARIA', 'JOSE']);
    expect(name.roles).toEqual([0, 0, 1, 2]);
    expect(name.display).toBe('GARCIA LOPEZ, MARIA JOSE');
  });

  it('attaches particles to the part after them, compared through it (VAN DER BERG is VANDERBERG)', () => {
    const name = prepareName({ surname: 'van der Berg', givenNames: 'Jan' });
    expect(name.parts.map((p) => [p.text, p.compound])).toEqual([
      ['BERG', 'VANDERBERG'],
      ['JAN', ''],
    ]);
    expect(name.particles).toEqual([
      { text: 'VAN', before: 0 },
      { text: 'DER', before: 0 },
    ]);
  });

  it('takes Arabic prefixes as particles anywhere, other particles only in a family name', () => {
    expect(
      prepareName({ surname: 'AL-RASHID', givenNames: 'ABDUL RAHMAN' }).parts.map((p) => p.compound),
    ).toEqual(['ALRASHID', 'ABDULRAHMAN']);
    // BEN as a given name is a name.
    expect(prepareName({ surname: 'SMITH', givenNames: 'BEN JAMES' }).parts.map((p) => p.text)).toEqual([
      'SMITH',
      'BEN',
      'JAMES',
    ]);
  });

  it('marks initials, and a name without given names as of unknown split', () => {
    const name = prepareName({ surname: 'J SMITH' });
    expect(name.parts.map((p) => p.initial)).toEqual([true, false]);
    expect(name.roles).toEqual([3, 3]);
  });

  it('reads a name in any script the same way', () => {
    expect(prepareName({ surname: 'Иванов', givenNames: 'Сергей' }).display).toBe('IVANOV, SERGEI');
    expect(prepareName({ surname: 'محمد' }).parts[0]).toMatchObject({
      text: 'MHMD',
      unvocalised: true,
      skeleton: 'MHMD',
    });
  });
});

describe('folded spellings and skeletons', () => {
  it('folds the spellings of one Cyrillic name by different schemes to one', () => {
    const folds = ['IULIIA', 'YULIYA', 'JULIJA', 'IOULIA'].map(foldSpelling);
    expect(new Set(folds).size).toBe(1);
    expect(foldSpelling('SHCHERBAKOVA')).toBe(foldSpelling('SCHTSCHERBAKOWA'));
    expect(foldSpelling('KHALED')).toBe(foldSpelling('CHALED'));
  });

  it('gives the spellings of one Arabic name the consonants the Arabic writes', () => {
    for (const spelling of ['MOHAMMED', 'MUHAMMAD', 'MOHAMAD']) expect(skeletonOf(spelling)).toBe('MHMD');
    for (const spelling of ['JAMAL', 'DJAMEL', 'GAMAL', 'JMAL']) expect(skeletonOf(spelling)).toBe('GML');
  });
});
