/** A claim's place in the article body: UTF-16 offsets, as the API's TextQuote gives them. */
export interface Anchor<T> {
  start: number;
  end: number;
  item: T;
}

/** A run of body text and every anchored item that covers all of it (none for plain text). */
export interface Segment<T> {
  start: number;
  end: number;
  text: string;
  items: T[];
}

/**
 * Splits `body` at every anchor boundary, so overlapping anchors become segments each listing all the
 * items covering it, in anchor order. Anchors outside the body are clamped; empty ones are dropped.
 */
export function segmentBody<T>(body: string, anchors: readonly Anchor<T>[]): Segment<T>[] {
  const clamp = (offset: number) => Math.max(0, Math.min(body.length, offset));
  const spans = anchors
    .map((anchor) => ({ start: clamp(anchor.start), end: clamp(anchor.end), item: anchor.item }))
    .filter((span) => span.end > span.start);
  const cuts = new Set<number>([0, body.length]);
  for (const span of spans) {
    cuts.add(span.start);
    cuts.add(span.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment<T>[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i];
    const end = points[i + 1];
    const items = spans.filter((span) => span.start <= start && span.end >= end).map((span) => span.item);
    segments.push({ start, end, text: body.slice(start, end), items });
  }
  return segments;
}
