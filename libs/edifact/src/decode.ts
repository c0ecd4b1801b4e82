/**
 * Bytes to text for the reader. Carrier files come as ASCII (UNOA/UNOB), UTF-8 (UNOY/UNOW) or a
 * Windows code page passed off as Latin-1 (UNOC). Valid UTF-8 is read as UTF-8; anything else as
 * Windows-1252, a superset of Latin-1's printable characters whose 0x91/0x92 are the typographic
 * apostrophes the tokeniser accepts as terminators (Latin-1 would make them invisible C1 controls).
 */
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const windows1252 = new TextDecoder('windows-1252');

export function decodeEdifact(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    return windows1252.decode(bytes);
  }
}
