// Codes as people type them (credit codes, visit numbers), read the way the services read them
// (libs/common normaliseTypedCode).

/** Full-width characters (a Chinese input method's) folded, blanks dropped, upper case. */
export const asTypedCode = (text) => text.normalize('NFKC').replace(/\s/g, '').toUpperCase();

/** A credit code as typed: read as any typed code is. */
export const asCreditCode = asTypedCode;
