import { decodeEdifact } from './decode.js';
import { parsePaxlst } from './index.js';

describe('decodeEdifact', () => {
  it('reads UTF-8, dropping a byte-order mark', () => {
    expect(decodeEdifact(Buffer.from('\uFEFFNAD+FL+++MÜLLER’', 'utf8'))).toBe('NAD+FL+++MÜLLER’');
  });

  it('reads anything else as Windows-1252, so 0x92 is a typographic apostrophe', () => {
    const bytes = Buffer.from([0x55, 0x4e, 0x5a, 0x2b, 0x31, 0x92, 0x4d, 0xfc]);
    expect(decodeEdifact(bytes)).toBe('UNZ+1’Mü');
  });

  it('lets a Windows-1252 file with typographic terminators parse', () => {
    const text =
      'UNB+UNOC:3+A+B+200101:0000+1\x92UNH+1+PAXLST:D:02B:UN:IATA\x92BGM+745\x92UNT+3+1\x92UNZ+1+1\x92';
    const result = parsePaxlst(decodeEdifact(Buffer.from(text, 'latin1')));
    expect(result.messages).toHaveLength(1);
    expect(result.errors.map((e) => e.code)).toEqual(['typographic-terminator']);
  });
});
