import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Role } from '../../src/domain/types';
import { createTestApp, TestApp } from '../support/app';
import { collectErrors, describeInBrowser, launchChromium } from '../support/browser';

// Browser globals used inside page.evaluate callbacks (the test project's types are Node's, not the DOM's).
declare const sessionStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void };
declare function getComputedStyle(element: unknown): { backgroundColor: string };

const SLUG = 'us-china-rare-earth-deal';
const SCREENSHOTS = path.resolve(__dirname, '../../docs');

interface ArticleClaims {
  article: {
    id: string;
    title: string;
    claims: { totalCount: number; edges: { node: { id: string; text: string; stance: string; quote: { exact: string } } }[] };
  };
}

describeInBrowser('the reviewer console in Chromium', () => {
  let app: TestApp;
  let base: string;
  let browser: Browser;
  let rareEarth: ArticleClaims['article'];
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    app = await createTestApp({ seed: true });
    base = (await app.server.listen(0, '127.0.0.1')).url.replace(/\/graphql$/, '');
    browser = await launchChromium();
    const result = await app.gql<ArticleClaims>(
      `{ article(slug: "${SLUG}") { id title claims(first: 100) { totalCount edges { node { id text stance quote { exact } } } } } }`,
    );
    rareEarth = result.data!.article;
  });
  // Each test's pages go away with it, so the next one can count live subscriptions from zero.
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
    await app.server.live.whenIdle();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function openPage(): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    return { page, errors: collectErrors(page) };
  }

  const claimByText = (pattern: RegExp) => rareEarth.claims.edges.map((e) => e.node).find((claim) => pattern.test(claim.text))!;

  it('finds the rare-earth article with every claim highlighted, pages and filters the claims and submits a verdict another reviewer sees live', async () => {
    const magnets = claimByText(/magnets/);
    const { token } = await app.reviewer(Role.REVIEWER, 'Ana Souza');
    const { page, errors } = await openPage();

    // The articles list links to the article, whose body shows every claim in place, coloured by state.
    await page.goto(`${base}/`);
    await page.getByRole('link', { name: rareEarth.title }).click();
    await page.waitForURL(`**/articles/${SLUG}`);
    await page.locator('mark.claim-mark').first().waitFor();
    const marks = await page.locator('[data-testid=article-body] mark.claim-mark').evaluateAll((elements) =>
      elements.map((element) => ({
        ids: (element.getAttribute('data-claim-ids') ?? '').split(' '),
        text: element.textContent ?? '',
        background: getComputedStyle(element).backgroundColor,
      })),
    );
    for (const { node } of rareEarth.claims.edges) {
      const highlighted = marks.filter((mark) => mark.ids.includes(node.id)).map((mark) => mark.text).join('');
      expect(highlighted).toBe(node.quote.exact);
    }
    expect(new Set(marks.flatMap((mark) => mark.ids)).size).toBe(rareEarth.claims.totalCount);
    // Every claim is UNVERIFIED on fresh seeds: the grey of --state-UNVERIFIED.
    expect(marks.find((mark) => mark.ids.length === 1)?.background).toBe('rgb(226, 232, 240)');

    // Enter on a highlight opens its claim.
    await page.locator(`mark[data-claim-ids="${magnets.id}"]`).first().focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/claims/${magnets.id}`);
    await page.getByRole('heading', { level: 1, name: magnets.text }).waitFor();

    // The claims table filters by stance, article and text, and keeps the filter in the URL.
    await page.getByRole('link', { name: 'Claims', exact: true }).click();
    const total = (await app.gql<{ claims: { totalCount: number } }>('{ claims { totalCount } }')).data!.claims.totalCount;
    await page.getByText(`Showing 25 of ${total} claims`).waitFor();
    await page.getByRole('button', { name: 'Load more claims' }).click();
    await page.getByText(`Showing 50 of ${total} claims`).waitFor();
    expect(await page.locator('table.claims tbody tr').count()).toBe(50);
    await page.getByLabel('Hedges').check();
    await page.getByLabel('Article', { exact: true }).selectOption({ label: rareEarth.title });
    const hedged = rareEarth.claims.edges.filter((e) => e.node.stance === 'HEDGES').length;
    await page.getByText(`Showing ${hedged} of ${hedged} claim`).waitFor();
    await page.getByLabel('Text', { exact: true }).fill('magnets');
    await page.getByLabel('Text', { exact: true }).press('Enter');
    await page.getByText('Showing 1 of 1 claim').waitFor();
    const shared = new URL(page.url());
    expect(shared.pathname).toBe('/claims');
    expect(Object.fromEntries(shared.searchParams)).toEqual({ stance: 'HEDGES', article: rareEarth.id, q: 'magnets' });

    // A second reader opens the shared link: same filter, same single claim; then watches that claim.
    const { page: watcher, errors: watcherErrors } = await openPage();
    await watcher.goto(shared.toString());
    await watcher.getByText('Showing 1 of 1 claim').waitFor();
    expect(await watcher.getByLabel('Hedges').isChecked()).toBe(true);
    await watcher.getByRole('link', { name: magnets.text }).click();
    await watcher.locator('[data-testid=claim-state]', { hasText: 'Unverified' }).waitFor();
    await watcher.locator('.live.on').waitFor();
    await watcher.evaluate(() => sessionStorage.setItem('not-reloaded', 'yes'));

    // The reviewer signs in with a pasted token and opens the claim from the table.
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('API token').fill(token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Ana Souza · reviewer').waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem('claimgraph.token'))).toBe(token);
    await page.getByRole('link', { name: magnets.text }).click();
    await page.waitForURL(`**/claims/${magnets.id}`);

    // A bad verdict: each problem shows next to its field, and nothing typed is lost.
    await page.getByLabel('Verdict', { exact: true }).selectOption('REFUTED');
    await page.getByLabel('Confidence (0 to 1)').fill('0.9');
    await page.getByLabel('Link 1', { exact: true }).fill('ftp://archive.example.org/mofcom');
    await page.getByRole('button', { name: 'Submit verdict' }).click();
    await page.locator('#rationale-problems').waitFor();
    await page.locator('#evidence-0-url-problems').waitFor();
    expect(await page.getByLabel('Link 1', { exact: true }).inputValue()).toBe('ftp://archive.example.org/mofcom');

    // Fixed and sent: the claim moves to IN_REVIEW here and, without a reload, in the watcher's view.
    await page.getByLabel('Rationale').fill('The Ministry of Commerce statement names no category at all, magnets included.');
    await page.getByLabel('Link 1', { exact: true }).fill('https://www.mofcom.gov.cn/statement');
    await page.getByRole('button', { name: 'Submit verdict' }).click();
    await page.getByText('Verdict recorded.').waitFor();
    await page.locator('[data-testid=claim-state]', { hasText: 'In review' }).waitFor();

    await watcher.locator('[data-testid=claim-state]', { hasText: 'In review' }).waitFor();
    await watcher.locator('[data-testid=history]', { hasText: 'Review submitted' }).waitFor();
    await watcher.getByText('Ana Souza', { exact: false }).first().waitFor();
    expect(await watcher.evaluate(() => sessionStorage.getItem('not-reloaded'))).toBe('yes');

    expect(errors).toEqual([]);
    expect(watcherErrors).toEqual([]);
  });

  it('shows a newly added article without a reload, and every claim on a passage that several claims share', async () => {
    const editor = await app.reviewer(Role.EDITOR, 'Elena Ortiz');
    const { page, errors } = await openPage();
    await page.goto(`${base}/`);
    await page.getByRole('link', { name: rareEarth.title }).waitFor();
    // The list listens for new articles and for claim changes (its counts).
    await app.server.live.whenSubscribed(2);

    const title = 'Harbour Reopens After Storm Repairs';
    const body = 'The port authority said the harbour would reopen on 3 May after repairs costing $4 million.';
    const added = await app.gql(
      `mutation ($input: IngestArticleInput!) { ingestArticle(input: $input) { slug } }`,
      {
        input: {
          title, body, publisher: 'Coast Gazette',
          claims: [
            { text: 'The harbour will reopen on 3 May.', quote: { exact: 'the harbour would reopen on 3 May' }, source: { name: 'Port Authority', kind: 'GOVERNMENT' }, stance: 'ASSERTS' },
            { text: 'Repairs to the harbour cost $4 million.', quote: { exact: 'reopen on 3 May after repairs costing $4 million' }, source: { name: 'Port Authority', kind: 'GOVERNMENT' }, stance: 'ASSERTS' },
          ],
        },
      },
      editor.reviewer,
    );
    expect(added.errors).toBeUndefined();

    // articleAdded brings it into the open list.
    await page.getByRole('link', { name: title }).click();
    const shared = page.locator('mark.claim-mark.overlap');
    await shared.waitFor();
    expect(await shared.textContent()).toBe('reopen on 3 May');
    expect((await shared.getAttribute('data-claim-ids'))!.split(' ')).toHaveLength(2);
    await shared.click();
    const chooser = page.getByRole('region', { name: 'Claims on the chosen passage' });
    await chooser.getByRole('link', { name: 'Repairs to the harbour cost $4 million.' }).waitFor();
    await chooser.getByRole('link', { name: 'The harbour will reopen on 3 May.' }).click();
    await page.getByRole('heading', { level: 1, name: 'The harbour will reopen on 3 May.' }).waitFor();
    expect(errors).toEqual([]);
  });

  it('keeps what the reviewer typed when someone else changed the claim meanwhile, and shows its current state', async () => {
    const claim = claimByText(/rescind/);
    const { token } = await app.reviewer(Role.REVIEWER, 'Ben Okafor');
    const other = await app.reviewer(Role.REVIEWER, 'Chen Wei');
    const { page, errors } = await openPage();
    // No live updates on this page (a dropped connection): only the CONFLICT can tell it about the other change.
    await page.routeWebSocket(/\/graphql$/, () => {});
    await page.addInitScript((value) => sessionStorage.setItem('claimgraph.token', value), token);
    await page.goto(`${base}/claims/${claim.id}`);
    await page.getByText('Ben Okafor · reviewer').waitFor();
    await page.locator('[data-testid=claim-state]', { hasText: 'version 1' }).waitFor();

    const rationale = 'Treasury readouts list the restrictions to be lifted.';
    await page.getByLabel('Rationale').fill(rationale);
    await page.getByLabel('Link 1', { exact: true }).fill('https://home.treasury.gov/news/readout');

    const submitted = await app.gql(
      `mutation ($input: SubmitReviewInput!) { submitReview(input: $input) { version } }`,
      { input: { claimId: claim.id, expectedVersion: 1, verdict: 'SUPPORTED', confidence: 0.7, rationale: 'Readout.', evidence: [{ url: 'https://example.org/r', stance: 'SUPPORTS' }] } },
      other.reviewer,
    );
    expect(submitted.errors).toBeUndefined();

    await page.getByRole('button', { name: 'Submit verdict' }).click();
    await page.getByText('Someone changed this claim — here is its current state').waitFor();
    await page.locator('[data-testid=claim-state]', { hasText: 'version 2' }).waitFor();
    await page.locator('[data-testid=claim-state]', { hasText: 'In review' }).waitFor();
    expect(await page.getByLabel('Rationale').inputValue()).toBe(rationale);

    // Sent again against the current version, the two agreeing verdicts make the claim VERIFIED.
    await page.getByRole('button', { name: 'Submit verdict' }).click();
    await page.locator('[data-testid=claim-state]', { hasText: 'Verified' }).waitFor();
    expect(errors).toEqual([]);
  });

  it('runs the example operations in GraphiQL, a query over HTTP and a subscription over graphql-ws, with no CDN', async () => {
    const { token, reviewer } = await app.reviewer(Role.REVIEWER, 'Gita Rao');
    const { page, errors } = await openPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.addInitScript((value) => sessionStorage.setItem('claimgraph.token', value), token);
    const schemaLoaded = page.waitForResponse((response) => (response.request().postData() ?? '').includes('IntrospectionQuery'));
    await page.goto(`${base}/graphiql`);
    await schemaLoaded;
    expect(await page.locator('.graphiql-tab-button').allTextContents()).toEqual(['MagnetClaims', 'RareEarthArticle', 'Hedged', 'Me', 'Submit', 'ClaimChanges']);

    await page.locator('.graphiql-execute-button').click();
    await page.locator('.graphiql-response', { hasText: 'concerns magnets' }).waitFor();

    // The token the console was signed in with is in the Headers tab, and reaches the subscription's connection_init.
    await page.getByRole('tab', { name: 'ClaimChanges' }).click();
    await page.locator('.graphiql-execute-button').click();
    await app.server.live.whenSubscribed(1);
    const claim = claimByText(/Bessent/);
    const started = await app.gql(`mutation { startReview(input: { claimId: "${claim.id}", expectedVersion: 1 }) { state } }`, {}, reviewer);
    expect(started.errors).toBeUndefined();
    await page.locator('.graphiql-response', { hasText: 'REVIEW_STARTED' }).waitFor();
    await page.locator('.graphiql-response', { hasText: 'Gita Rao' }).waitFor();

    expect(requests.filter((url) => !url.startsWith(base) && !url.startsWith('data:'))).toEqual([]);
    expect(errors).toEqual([]);
  });

  (process.env.SCREENSHOTS ? it : it.skip)('saves the README screenshots of the article and claim views (SCREENSHOTS=1)', async () => {
    const editor = await app.reviewer(Role.EDITOR, 'Dana Editor');
    const states = ['VERIFIED', 'FALSE', 'DISPUTED', 'MISLEADING', 'IN_REVIEW', 'UNVERIFIABLE'];
    const claims = rareEarth.claims.edges.map((e) => e.node).filter((claim) => !/magnets|rescind/.test(claim.text));
    for (const [i, state] of states.entries()) {
      const current = await app.gql<{ claim: { version: number } }>(`{ claim(id: "${claims[i * 2].id}") { version } }`);
      await app.gql(
        `mutation ($input: SetClaimStateInput!) { setClaimState(input: $input) { id } }`,
        { input: { claimId: claims[i * 2].id, expectedVersion: current.data!.claim.version, state, note: 'Example state for the README.' } },
        editor.reviewer,
      );
    }
    const magnets = claimByText(/magnets/);
    const verdicts = [
      { verdict: 'SUPPORTED', stance: 'SUPPORTS', url: 'https://english.mofcom.gov.cn/statement', rationale: 'The ministry lists magnets as the only category with eased licensing.' },
      { verdict: 'MISLEADING', stance: 'CONTEXT', url: 'https://www.reuters.com/markets/commodities/rare-earths', rationale: 'Licences for some heavy rare earths were also eased the same week.' },
    ];
    for (const [i, review] of verdicts.entries()) {
      const { reviewer } = await app.reviewer(Role.REVIEWER, ['Ana Souza', 'Ben Okafor'][i]);
      const current = await app.gql<{ claim: { version: number } }>(`{ claim(id: "${magnets.id}") { version } }`);
      await app.gql(
        `mutation ($input: SubmitReviewInput!) { submitReview(input: $input) { id } }`,
        {
          input: {
            claimId: magnets.id, expectedVersion: current.data!.claim.version, verdict: review.verdict, confidence: [0.8, 0.7][i],
            rationale: review.rationale, evidence: [{ url: review.url, stance: review.stance }],
          },
        },
        reviewer,
      );
    }
    const { page } = await openPage();
    await page.setViewportSize({ width: 1366, height: 820 });
    await page.goto(`${base}/articles/${SLUG}`);
    await page.locator('mark.claim-mark').first().waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'console-article.png') });
    await page.addInitScript((value) => sessionStorage.setItem('claimgraph.token', value), editor.token);
    await page.goto(`${base}/claims/${magnets.id}`);
    await page.getByText('Dana Editor · editor').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'console-claim.png'), fullPage: true });
    expect(fs.statSync(path.join(SCREENSHOTS, 'console-claim.png')).size).toBeGreaterThan(10_000);
  });
});
