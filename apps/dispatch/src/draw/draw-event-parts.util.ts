import type { DrawCompleted } from '@tianping/contracts';
import { EVENT_BYTES, eventChunks } from '@tianping/messaging';

/**
 * A draw's event in as many parts as its tasks need (a month of a large city's draw lists tens of
 * thousands, several MB): each part repeats the header and says which part of how many it is, and
 * stays under `maxBytes` of tasks, so every part fits in a NATS message.
 */
export function drawEventParts(draw: Omit<DrawCompleted, 'part' | 'parts' | 'taskCount'>, maxBytes = EVENT_BYTES): DrawCompleted[] {
  const chunks = draw.tasks.length === 0 ? [[]] : eventChunks(draw.tasks, Infinity, maxBytes);
  return chunks.map((tasks, i) => ({ ...draw, tasks, part: i + 1, parts: chunks.length, taskCount: draw.tasks.length }));
}
