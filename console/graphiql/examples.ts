/** The README's example operations, opened as GraphiQL tabs; a test runs each against a seeded server. */
export interface Example {
  query: string;
  variables?: string;
}

export const EXAMPLES: Example[] = [
  {
    query: `# Claims that mention magnets, with where each one stands in its article.
# Mutations need a token: put {"Authorization": "Bearer cg_…"} in the Headers tab below.
query MagnetClaims {
  claims(first: 50, filter: { search: "magnets" }) {
    edges { node { id version text stance state source { name } quote { exact start end } } }
  }
}
`,
  },
  {
    query: `# An article with its claims; each quote satisfies body.slice(start, end) === exact.
query RareEarthArticle {
  article(slug: "us-china-rare-earth-deal") {
    title publisher body
    claims(first: 100) {
      totalCount
      edges { node { id text stance state quote { exact start end } source { name kind affiliation } } }
    }
  }
}
`,
  },
  {
    query: `# Every hedged claim not yet verified, 10 at a time: pass the previous endCursor as $after.
query Hedged($after: String) {
  claims(first: 10, after: $after, filter: { stances: [HEDGES], states: [UNVERIFIED, IN_REVIEW] }) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id text source { name } article { title } reviews { verdict reviewer { name } } history { kind at } } }
  }
}
`,
    variables: '{ "after": null }',
  },
  {
    query: `# Who the token in the Headers tab belongs to (null without one).
query Me {
  me { id name role }
}
`,
  },
  {
    query: `# A verdict: take claimId and version from a claim above; needs a REVIEWER or EDITOR token in Headers.
mutation Submit($input: SubmitReviewInput!) {
  submitReview(input: $input) {
    id state version
    reviews { verdict reviewer { name } }
    history { kind fromState toState note actor { name } at }
  }
}
`,
    variables: `{
  "input": {
    "claimId": "Q2xhaW06MQ",
    "expectedVersion": 1,
    "verdict": "SUPPORTED",
    "confidence": 0.8,
    "rationale": "The Ministry of Commerce statement lists magnets as the only category with eased licensing.",
    "evidence": [{ "url": "https://example.org/mofcom-statement", "stance": "SUPPORTS" }],
    "idempotencyKey": "example-1"
  }
}`,
  },
  {
    query: `# Live: one message per change to any claim (add articleId or claimId to narrow it).
subscription ClaimChanges {
  claimChanged {
    event { kind fromState toState actor { name } at }
    claim { id state version text }
  }
}
`,
  },
];
