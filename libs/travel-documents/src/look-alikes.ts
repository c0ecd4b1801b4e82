/**
 * Letters of other scripts that are drawn like a Latin capital or a digit, by the Latin character they
 * pass for (after Unicode's confusables data, UTS #39, restricted to what can stand in a document
 * number). Applied after NFKD, so fullwidth and mathematical forms are already plain Latin; upper and
 * lower case are both here because a lower-case look-alike (Cyrillic `о`, Greek `ο`) is read upper case
 * like any other. Escapes keep the table legible in any editor: each source is named by code point.
 */
const BY_LATIN: Readonly<Record<string, string>> = {
  A: '\u0410\u0430\u0391\u03B1\u1D00', // Cyrillic А а, Greek Α α, small capital ᴀ
  B: '\u0412\u0432\u0392\u0299\u13F4', // Cyrillic В в, Greek Β, ʙ, Cherokee Ᏼ
  C: '\u0421\u0441\u03F9\u03F2\u13DF\u1D04', // Cyrillic С с, Greek lunate Ϲ ϲ, Cherokee Ꮯ, ᴄ
  D: '\u0501\u13A0\u1D05', // Cyrillic ԁ, Cherokee Ꭰ, ᴅ
  E: '\u0415\u0435\u0395\u13AC\u1D07', // Cyrillic Е е, Greek Ε, Cherokee Ꭼ, ᴇ
  F: '\u03DC', // Greek digamma Ϝ
  G: '\u050C\u0262\u13C0', // Cyrillic Ԍ, ɢ, Cherokee Ꮐ
  H: '\u041D\u043D\u0397\u04BB\u13BB\u029C', // Cyrillic Н н, Greek Η, Cyrillic һ, Cherokee Ꮋ, ʜ
  I: '\u0406\u0456\u0399\u03B9\u04C0\u04CF\u0131\u026A', // Cyrillic І і, Greek Ι ι, palochka Ӏ ӏ, ı, ɪ
  J: '\u0408\u0458\u037F\u03F3\u0237\u13AB\u1D0A', // Cyrillic Ј ј, Greek Ϳ ϳ, ȷ, Cherokee Ꭻ, ᴊ
  K: '\u041A\u043A\u039A\u03BA\u13E6\u1D0B', // Cyrillic К к, Greek Κ κ, Cherokee Ꮶ, ᴋ
  L: '\u13DE\u029F', // Cherokee Ꮮ, ʟ
  M: '\u041C\u043C\u039C\u13B7\u1D0D', // Cyrillic М м, Greek Μ, Cherokee Ꮇ, ᴍ
  N: '\u039D\u0274', // Greek Ν, ɴ
  O: '\u041E\u043E\u039F\u03BF\u0555\u0585\u1D0F', // Cyrillic О о, Greek Ο ο, Armenian Օ օ, ᴏ
  P: '\u0420\u0440\u03A1\u03C1\u13E2\u1D18', // Cyrillic Р р, Greek Ρ ρ, Cherokee Ꮲ, ᴘ
  Q: '\u051A\u051B', // Cyrillic Ԛ ԛ
  R: '\u13A1\u0280', // Cherokee Ꭱ, ʀ
  S: '\u0405\u0455\u13DA\uA731', // Cyrillic Ѕ ѕ, Cherokee Ꮪ, ꜱ
  T: '\u0422\u0442\u03A4\u03C4\u13A2\u1D1B', // Cyrillic Т т, Greek Τ τ, Cherokee Ꭲ, ᴛ
  U: '\u054D\u057D\u03C5\u1D1C', // Armenian Ս ս, Greek υ, ᴜ
  V: '\u03BD\u0474\u0475\u13D9\u1D20', // Greek ν, Cyrillic Ѵ ѵ, Cherokee Ꮩ, ᴠ
  W: '\u051C\u051D\u13B3\u1D21', // Cyrillic Ԝ ԝ, Cherokee Ꮃ, ᴡ
  X: '\u0425\u0445\u03A7\u03C7', // Cyrillic Х х, Greek Χ χ
  Y: '\u0423\u0443\u03A5\u04AE\u04AF\u028F', // Cyrillic У у, Greek Υ, Cyrillic Ү ү, ʏ
  Z: '\u0396\u13C3\u1D22', // Greek Ζ, Cherokee Ꮓ, ᴢ
  '3': '\u0417\u0437', // Cyrillic З з
  '6': '\u0431', // Cyrillic б
};

export const LOOK_ALIKES: ReadonlyMap<string, string> = new Map(
  Object.entries(BY_LATIN).flatMap(([latin, sources]) =>
    [...sources].map((source) => [source, latin] as const),
  ),
);
