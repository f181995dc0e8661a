// The figure tiles and percentage points the audit pages share.
import { h } from '../ui.js';

export function tile(label, value, sub, kind = '', attrs = {}) {
  return h('div', { class: `tile ${kind}`, ...attrs }, h('span', { class: 'value' }, value), h('span', { class: 'label' }, label), sub ? h('span', { class: 'muted small' }, sub) : null);
}

export function points(x) {
  return x === null || x === undefined ? '—' : `${(x * 100).toFixed(1)}`;
}
