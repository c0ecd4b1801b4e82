import fc from 'fast-check';
import { transliterate, transliterateName } from './transliterate.js';

describe('transliterate: ICAO Doc 9303 Part 3 §6 for Latin letters and Cyrillic', () => {
  it.each([
    ['Müller', 'MUELLER'],
    ['Jürgen Schröder', 'JUERGEN SCHROEDER'],
    ['Jäger', 'JAEGER'],
    ['Weiß', 'WEISS'],
    ['Ørsted', 'OERSTED'],
    ['Åse', 'AASE'],
    ['Æbeltoft', 'AEBELTOFT'],
    ['Þórsson', 'THORSSON'],
    ['Guðrún', 'GUDRUN'],
    ['Œuvray', 'OEUVRAY'],
    ['Łukasz Wałęsa', 'LUKASZ WALESA'],
    ['Çelik Yılmaz Şahin', 'CELIK YILMAZ SAHIN'],
    ['İbrahim Öztürk', 'IBRAHIM OEZTUERK'],
    ['Núñez', 'NUNEZ'],
    ['Dvořák', 'DVORAK'],
    ['Nguyễn Văn Thắng', 'NGUYEN VAN THANG'],
  ])('%s → %s', (name, latin) => expect(transliterate(name)).toBe(latin));

  it('keeps the spelling without the optional expansion beside Doc 9303 form (MULLER for Müller)', () => {
    expect(transliterateName('Müller')).toEqual([
      { text: 'MUELLER', plain: 'MULLER', script: 'latin', unvocalised: false },
    ]);
    expect(transliterateName('Ørjan')[0]).toMatchObject({ text: 'OERJAN', plain: 'ORJAN' });
    expect(transliterateName('Weiß')[0]).toMatchObject({ text: 'WEISS', plain: '' });
  });

  it.each([
    ['Иванов Сергей', 'IVANOV SERGEI'],
    ['Юлия Щербакова', 'IULIIA SHCHERBAKOVA'],
    ['Фёдор Хабибуллин', 'FEDOR KHABIBULLIN'],
    ['Пётр Чайковский', 'PETR CHAIKOVSKII'],
    ['Жанна Цой', 'ZHANNA TSOI'],
    ['Эдуард Объедков', 'EDUARD OBIEEDKOV'],
    ['Ольга Ульянова', 'OLGA ULIANOVA'],
    ['Јован Ђорђевић', 'JOVAN DORDEVIC'],
  ])('Cyrillic %s → %s', (name, latin) => expect(transliterate(name)).toBe(latin));

  it('reads Г as H and И as Y in a Ukrainian name (one with a letter only Ukrainian writes)', () => {
    expect(transliterate('Григорій Ігнатенко')).toBe('HRYHORII IHNATENKO');
    expect(transliterate('Григорий')).toBe('GRIGORII'); // Russian
  });

  it('reads a Latin name with a Cyrillic look-alike letter in it as one word', () => {
    expect(transliterate('IVАNOV')).toBe('IVANOV'); // the А is Cyrillic
  });
});

describe('transliterate: Greek by ELOT 743', () => {
  it.each([
    ['Γεώργιος Παπαδόπουλος', 'GEORGIOS PAPADOPOULOS'],
    ['Ευάγγελος', 'EVANGELOS'],
    ['Ευθύμιος', 'EFTHYMIOS'],
    ['Χρήστος', 'CHRISTOS'],
    ['Μπακογιάννης', 'BAKOGIANNIS'],
    ['Λάμπρος', 'LAMPROS'],
    ['Ντόκος', 'DOKOS'],
    ['Γκίκας', 'GIKAS'],
    ['Ψαρράς', 'PSARRAS'],
    ['Παπαϊωάννου', 'PAPAIOANNOU'],
    ['Αθηνά Ξενάκη', 'ATHINA XENAKI'],
  ])('%s → %s', (name, latin) => expect(transliterate(name)).toBe(latin));
});

describe('transliterate: Arabic', () => {
  it('writes unvocalised Arabic as its consonants and long vowels, and says so', () => {
    expect(transliterateName('محمد')).toEqual([
      { text: 'MHMD', plain: '', script: 'arabic', unvocalised: true },
    ]);
    expect(transliterate('يوسف')).toBe('YUSF');
    expect(transliterate('علي')).toBe('ALI');
    expect(transliterate('عمر')).toBe('AMR');
  });

  it('reads vowel marks and shadda when the name is written vocalised', () => {
    expect(transliterateName('مُحَمَّد')[0]).toMatchObject({ text: 'MUHAMMAD', unvocalised: false });
  });

  it('splits the article off, and reads ABD, BIN and Allah as words of known spelling', () => {
    expect(transliterate('الرشيد')).toBe('AL RSHID');
    expect(transliterate('عبد الرحمن')).toBe('ABD AL RHMN');
    expect(transliterate('عبدالله')).toBe('ABDALLAH');
    expect(transliterate('محمد بن سلمان')).toBe('MHMD BIN SLMAN');
  });
});

describe('transliterate: what is not a letter', () => {
  it('drops apostrophes (O’Brien is OBRIEN) and splits on hyphens, MRZ fillers and spaces', () => {
    expect(transliterate("O'Brien")).toBe('OBRIEN');
    expect(transliterate('O’Connor')).toBe('OCONNOR');
    expect(transliterate('Jean-Pierre<<DUPONT')).toBe('JEAN PIERRE DUPONT');
  });

  it('reads compatibility forms (fullwidth, ligatures) as the letters they stand for', () => {
    expect(transliterate('ＳＭＩＴＨ')).toBe('SMITH');
    expect(transliterate('Ruﬁno')).toBe('RUFINO');
  });

  it('is idempotent and writes only A-Z and single spaces, whatever it is given', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (value) => {
        const once = transliterate(value);
        expect(once).toMatch(/^([A-Z]+( [A-Z]+)*)?$/);
        expect(transliterate(once)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });
});
