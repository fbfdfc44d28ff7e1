import { InProcessChangeBus, MAX_BACKLOG } from '../../src/subscriptions/change-bus';
import { parseChange } from '../../src/subscriptions/changes';

function demand() {
  const calls: string[] = [];
  return { calls, start: async () => void calls.push('start'), stop: async () => void calls.push('stop') };
}

const event = (eventId: number, articleId = 1) => ({ kind: 'claimEvent' as const, eventId, claimId: eventId, articleId });

describe('the in-process change bus', () => {
  it('starts the feed for the first subscriber and stops it after the last one leaves', async () => {
    const feed = demand();
    const bus = new InProcessChangeBus(feed);
    const one = await bus.subscribe(() => true);
    const two = await bus.subscribe(() => true);
    expect(feed.calls).toEqual(['start']);
    await one.return();
    expect(feed.calls).toEqual(['start']);
    await two.return();
    await bus.subscribe(() => true);
    expect(feed.calls).toEqual(['start', 'stop', 'start']);
  });

  it('gives each subscriber the changes its filter accepts, in publish order', async () => {
    const bus = new InProcessChangeBus(demand());
    const articleTwo = await bus.subscribe((change) => change.kind === 'claimEvent' && change.articleId === 2);
    bus.publish(event(1, 1));
    bus.publish(event(2, 2));
    bus.publish(event(3, 2));
    expect((await articleTwo.next()).value).toEqual(event(2, 2));
    expect((await articleTwo.next()).value).toEqual(event(3, 2));
  });

  it('ends a stream at once when it is returned while waiting for a change', async () => {
    const bus = new InProcessChangeBus(demand());
    const stream = await bus.subscribe(() => true);
    const waiting = stream.next();
    await stream.return();
    expect(await waiting).toEqual({ done: true, value: undefined });
    expect(bus.size).toBe(0);
  });

  it('ends a subscriber that falls too far behind, with an error, instead of growing without bound', async () => {
    const bus = new InProcessChangeBus(demand());
    const stream = await bus.subscribe(() => true);
    for (let i = 1; i <= MAX_BACKLOG + 1; i += 1) bus.publish(event(i));
    for (let i = 1; i <= MAX_BACKLOG; i += 1) await stream.next();
    await expect(stream.next()).rejects.toMatchObject({ message: expect.stringMatching(/fell more than/), extensions: { code: 'SERVER_BUSY' } });
    expect(bus.size).toBe(0);
  });

  it('fails the subscription, and keeps no listener, when the feed cannot start', async () => {
    const bus = new InProcessChangeBus({ start: async () => { throw new Error('database down'); }, stop: async () => undefined });
    await expect(bus.subscribe(() => true)).rejects.toThrow('database down');
    expect(bus.size).toBe(0);
  });
});

describe('parseChange', () => {
  it('reads the notifications the PostgreSQL triggers send, and ignores anything else', () => {
    expect(parseChange('{"kind":"claimEvent","eventId":7,"claimId":3,"articleId":2}')).toEqual({ kind: 'claimEvent', eventId: 7, claimId: 3, articleId: 2 });
    expect(parseChange('{"kind":"article","articleId":5}')).toEqual({ kind: 'article', articleId: 5 });
    expect(parseChange('{"kind":"article","articleId":"5"}')).toBeNull();
    expect(parseChange('not json')).toBeNull();
    expect(parseChange(undefined)).toBeNull();
  });
});
