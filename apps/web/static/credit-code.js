// Credit codes as people type them, read the way the services read them (libs/common normaliseCreditCode).

/** Full-width characters (a Chinese input method's) folded, blanks dropped, upper case. */
export const asCreditCode = (text) => text.normalize('NFKC').replace(/\s/g, '').toUpperCase();
