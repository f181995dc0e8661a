import { redactText, redactValue } from '@tianping/observability';

/** Characters of a payload shown at most: a batch of scores runs to hundreds of kilobytes. */
export const SHOWN_PAYLOAD_CHARS = 64 * 1024;

export interface ShownPayload {
  /** JSON indented, or the text as it came; personal data masked either way. */
  text: string;
  json: boolean;
  bytes: number;
  /** The text was longer than SHOWN_PAYLOAD_CHARS and ends there. */
  cutShort: boolean;
}

/**
 * A dead letter's payload for an operator's eyes. Events carry no ID numbers or legal
 * representatives' names by contract, but a message pushed from outside (a Platform B clue) or a
 * malformed one may carry anything: ID and phone numbers and personal-data fields are masked as in
 * the logs. Enterprise names and addresses stay, as on the quarantine page: they are what tells
 * the operator which record it is. A replay sends the stored bytes, never this view.
 */
export function payloadForDisplay(data: Uint8Array, limit = SHOWN_PAYLOAD_CHARS): ShownPayload {
  const text = new TextDecoder().decode(data);
  let shown: string;
  let json = true;
  try {
    shown = JSON.stringify(redactValue(JSON.parse(text)), null, 2);
  } catch {
    json = false;
    shown = redactText(text);
  }
  return { text: shown.slice(0, limit), json, bytes: data.length, cutShort: shown.length > limit };
}
