// Tables as spreadsheet files (导出表格): what a person sees in a table, every row of it, as CSV that
// Excel and WPS open in Chinese without asking for an encoding.

const BLOCKS = new Set(['DIV', 'P', 'LI', 'BR', 'TR']);

/** The text a cell shows: block parts on lines of their own, no drawing (a route sketch is not data), nothing hidden from readers. */
export function cellText(value) {
  if (value === undefined || value === null || value === false) return '';
  if (!(value instanceof Node) && !Array.isArray(value)) return String(value);
  const parts = [];
  const walk = (node) => {
    if (node.nodeType === Node.TEXT_NODE) return parts.push(node.textContent);
    if (node.nodeType !== Node.ELEMENT_NODE || node.namespaceURI === 'http://www.w3.org/2000/svg' || node.getAttribute('aria-hidden') === 'true') return;
    // Parts drawn side by side (a district's name and code) are kept apart by a space.
    const gap = BLOCKS.has(node.tagName) ? '\n' : ' ';
    parts.push(gap);
    node.childNodes.forEach(walk);
    parts.push(gap);
  };
  // A cell may be a list of parts (checklist items, a line each): read in one box, as the page holds them.
  const box = document.createElement('div');
  box.append(...[value].flat(Infinity).filter((part) => part !== undefined && part !== null && part !== false));
  walk(box);
  return parts.join('').split('\n').map((line) => line.replace(/\s+/g, ' ').trim()).filter(Boolean).join('\n');
}

/**
 * One field as CSV writes it: quoted when it holds a separator, a quote or a line break. A text that a
 * spreadsheet would run as a formula (=, +, -, @ first: names and addresses come from outside) is kept
 * as text by a leading apostrophe; a plain negative number stays a number. A run of 16 digits or more
 * (a credit code can be all digits) would lose its last digits as a number, so it is written as text.
 */
export function csvField(text) {
  let value = String(text);
  if (/^\d{16,}$/.test(value)) return `"=""${value}"""`;
  if (/^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value)) value = `'${value}`;
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** A whole file: a byte-order mark (so the spreadsheet reads UTF-8), the header, the rows, CRLF line ends. */
export function toCsv(header, rows) {
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}
