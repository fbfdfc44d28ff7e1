import { getNamedType, GraphQLInterfaceType, GraphQLObjectType, GraphQLInputObjectType, GraphQLEnumType, isNonNullType, GraphQLSchema } from 'graphql';
import { buildAppSchema } from '../../src/graphql/schema';

// The fixed part of the public contract: every name here must exist with this shape.
const OBJECTS: Record<string, string[]> = {
  Query: ['node', 'articles', 'article', 'claims', 'claim', 'sources', 'me'],
  Article: ['id', 'slug', 'title', 'url', 'publisher', 'publishedAt', 'language', 'body', 'claims'],
  Source: ['id', 'name', 'kind', 'affiliation', 'claims'],
  TextQuote: ['exact', 'prefix', 'suffix', 'start', 'end'],
  Claim: ['id', 'article', 'source', 'text', 'quote', 'stance', 'state', 'version', 'checkworthiness', 'reviews', 'history', 'claimReview', 'createdAt', 'updatedAt'],
  Review: ['id', 'claim', 'reviewer', 'verdict', 'confidence', 'rationale', 'evidence', 'createdAt'],
  Evidence: ['url', 'title', 'excerpt', 'stance'],
  Reviewer: ['id', 'name', 'role'],
  ClaimEvent: ['id', 'kind', 'fromState', 'toState', 'actor', 'note', 'at'],
  PageInfo: ['hasNextPage', 'hasPreviousPage', 'startCursor', 'endCursor'],
};
const NODES = ['Article', 'Source', 'Claim', 'Review', 'Reviewer'];
const CONNECTIONS = ['ArticleConnection', 'ClaimConnection', 'SourceConnection'];
const ENUMS: Record<string, string[]> = {
  SourceKind: ['PERSON', 'ORGANIZATION', 'GOVERNMENT', 'PUBLICATION', 'UNKNOWN'],
  Stance: ['ASSERTS', 'HEDGES', 'DENIES'],
  VerificationState: ['UNVERIFIED', 'IN_REVIEW', 'DISPUTED', 'VERIFIED', 'FALSE', 'MISLEADING', 'UNVERIFIABLE'],
  Verdict: ['SUPPORTED', 'REFUTED', 'MISLEADING', 'UNVERIFIABLE'],
  EvidenceStance: ['SUPPORTS', 'REFUTES', 'CONTEXT'],
  ClaimEventKind: ['CREATED', 'EDITED', 'ASSIGNED', 'REVIEW_STARTED', 'REVIEW_SUBMITTED', 'STATE_CHANGED'],
};
// Values the open issues add to a contract enum: a revised article re-anchors claims, each with its own event.
const ENUM_ADDITIONS: Record<string, string[]> = {
  ClaimEventKind: ['ANCHOR_CHANGED'],
};
const REQUIRED_FIELDS: [string, string][] = [
  ['TextQuote', 'exact'], ['TextQuote', 'start'], ['Claim', 'quote'], ['Claim', 'version'], ['Claim', 'reviews'],
  ['Claim', 'history'], ['Review', 'evidence'], ['Evidence', 'url'], ['Evidence', 'stance'],
  ['Query', 'articles'], ['Query', 'claims'], ['Query', 'sources'],
];

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildAppSchema();
});

describe('the schema against the public contract', () => {
  it.each(Object.entries(OBJECTS))('has every contract field on %s', (type, fields) => {
    const object = schema.getType(type) as GraphQLObjectType;
    expect(object).toBeInstanceOf(GraphQLObjectType);
    expect(Object.keys(object.getFields())).toEqual(expect.arrayContaining(fields));
  });

  it.each([
    ['Query', 'agreement'], ['Mutation', 'reviseArticle'], ['Mutation', 'assignClaims'], ['Mutation', 'setClaimStates'],
    ['Claim', 'anchorStatus'], ['Claim', 'similarClaims'], ['Claim', 'suggestedVerdict'], ['Claim', 'claimReview'],
    ['Agreement', 'krippendorffAlpha'],
  ])('has the addition %s.%s', (type, field) => {
    expect(Object.keys((schema.getType(type) as GraphQLObjectType).getFields())).toContain(field);
  });

  it.each([['claim'], ['claims'], ['article']])('takes asOf on Query.%s', (field) => {
    const args = (schema.getType('Query') as GraphQLObjectType).getFields()[field].args;
    expect(args.find((arg) => arg.name === 'asOf')?.type.toString()).toBe('DateTimeISO');
  });

  it('has the AnchorStatus values of the additions', () => {
    expect((schema.getType('AnchorStatus') as GraphQLEnumType).getValues().map((v) => v.name).sort()).toEqual(['ANCHORED', 'FUZZY', 'MOVED', 'ORPHANED']);
  });

  it.each(REQUIRED_FIELDS)('makes %s.%s non-null', (type, field) => {
    expect(isNonNullType((schema.getType(type) as GraphQLObjectType).getFields()[field].type)).toBe(true);
  });

  it('has every node type implement Node', () => {
    const node = schema.getType('Node') as GraphQLInterfaceType;
    expect(node).toBeInstanceOf(GraphQLInterfaceType);
    for (const type of NODES) {
      expect((schema.getType(type) as GraphQLObjectType).getInterfaces().map((i) => i.name)).toContain('Node');
    }
  });

  it.each(CONNECTIONS)('shapes %s as a Relay connection', (name) => {
    const connection = schema.getType(name) as GraphQLObjectType;
    const fields = connection.getFields();
    expect(Object.keys(fields)).toEqual(expect.arrayContaining(['edges', 'pageInfo', 'totalCount']));
    const edge = getNamedType(fields.edges.type) as GraphQLObjectType;
    expect(Object.keys(edge.getFields()).sort()).toEqual(['cursor', 'node']);
    expect(getNamedType(fields.pageInfo.type).name).toBe('PageInfo');
  });

  it.each(Object.entries(ENUMS))('has the contract values of %s, and only the additions named for it', (name, values) => {
    const type = schema.getType(name) as GraphQLEnumType;
    expect(type.getValues().map((v) => v.name).sort()).toEqual([...values, ...(ENUM_ADDITIONS[name] ?? [])].sort());
  });

  it('takes ClaimFilter with the contract fields', () => {
    const filter = schema.getType('ClaimFilter') as GraphQLInputObjectType;
    expect(Object.keys(filter.getFields()).sort()).toEqual(['articleId', 'search', 'sourceId', 'stances', 'states']);
  });

  it('takes the contract arguments on the root fields', () => {
    const query = (schema.getType('Query') as GraphQLObjectType).getFields();
    const args = (field: string) => query[field].args.map((a) => a.name).sort();
    // The contract's additions give claim, claims and article an asOf argument.
    expect(args('claims')).toEqual(['after', 'asOf', 'filter', 'first']);
    expect(args('articles')).toEqual(['after', 'first']);
    expect(args('article')).toEqual(['asOf', 'id', 'slug']);
    expect(args('claim')).toEqual(['asOf', 'id']);
    expect(args('sources')).toEqual(['after', 'first', 'search']);
    expect(args('node')).toEqual(['id']);
  });
});
