import 'reflect-metadata';
import { GraphQLSchema, getNamedType, isListType, isNonNullType, isObjectType, parse, validate } from 'graphql';
import { buildAppSchema } from '../../src/graphql/schema';
import { bracketNesting, documentLimitsRule, LIST_MAXIMUMS, operationCost } from '../../src/graphql/limits';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildAppSchema();
});

const limits = { maxDepth: 12, maxAliases: 50, maxDirectives: 50 };

function chain(levels: number): string {
  return Array.from({ length: levels }, (_, i) =>
    i === levels - 1 ? `fragment F${i} on Query { me { id } }` : `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`).join('\n');
}

describe('operationCost', () => {
  it('prices a page by the page size the resolver will use, clamping negative and huge values', () => {
    const cost = (first: string) => operationCost(schema, parse(`{ claims(first: ${first}) { edges { node { id } } } }`), null, {});
    expect(cost('10')).toBe(1 + 10 * 3);
    expect(cost('-2147483647')).toBe(1 + 1 * 3);
    expect(cost('100000')).toBe(1 + 100 * 3);
  });

  it('reads page sizes from variables and gives up (null) when the variables do not fit', () => {
    const document = parse('query ($n: Int) { claims(first: $n) { totalCount } }');
    expect(operationCost(schema, document, null, { n: 50 })).toBe(1 + 50 * 1);
    expect(operationCost(schema, document, null, { n: 'fifty' })).toBeNull();
  });

  it('prices the same document object anew for each page size its variables give (the walk is remembered per document)', () => {
    const document = parse(`query ($n: Int, $m: Int, $after: String) { claims(first: $n, after: $after) { edges { node { id } } }
      byState: claims(first: $m) { totalCount } }`);
    expect(operationCost(schema, document, null, { n: 10, m: 5 })).toBe(1 + 10 * 3 + 1 + 5 * 1);
    expect(operationCost(schema, document, null, { n: 10, m: 5, after: 'x' })).toBe(1 + 10 * 3 + 1 + 5 * 1);
    expect(operationCost(schema, document, null, { n: 50, m: 5 })).toBe(1 + 50 * 3 + 1 + 5 * 1);
    expect(operationCost(schema, document, null, { n: 10, m: 100 })).toBe(1 + 10 * 3 + 1 + 100 * 1);
    expect(operationCost(schema, document, null, { m: 100 })).toBe(1 + 20 * 3 + 1 + 100 * 1);
    expect(operationCost(schema, document, null, { n: 'ten' })).toBeNull();
    expect(operationCost(schema, document, null, { n: 10, m: 5 })).toBe(1 + 10 * 3 + 1 + 5 * 1);
  });

  it('prices every list field at its real maximum: none is left to a guess', () => {
    const unpriced: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__') || type.name.endsWith('Connection')) continue;
      for (const field of Object.values(type.getFields())) {
        const unwrapped = isNonNullType(field.type) ? field.type.ofType : field.type;
        if (isListType(unwrapped) && !getNamedType(field.type).name.endsWith('Connection') && !(`${type.name}.${field.name}` in LIST_MAXIMUMS)) {
          unpriced.push(`${type.name}.${field.name}`);
        }
      }
    }
    expect(unpriced).toEqual([]);
  });

  it('measures a chain of 200 doubling fragments once each (2^200 paths, linear work)', () => {
    const document = parse(`{ ...F0 }\n${chain(200)}`);
    const cost = operationCost(schema, document, null, {})!;
    expect(cost).toBeGreaterThan(1e50);
    expect(validate(schema, document, [documentLimitsRule(limits)])).toEqual([]);
  });
});

describe('documentLimitsRule', () => {
  it('reports depth beyond the limit, counting through fragments', () => {
    const document = parse('{ claims { edges { node { ...A } } } } fragment A on Claim { article { claims { edges { node { source { claims { edges { node { id } } } } } } } } }');
    const errors = validate(schema, document, [documentLimitsRule({ ...limits, maxDepth: 8 })]);
    expect(errors.map((e) => e.message)).toEqual([expect.stringMatching(/nested 12 levels deep; the depth limit allows at most 8/)]);
  });
});

describe('bracketNesting', () => {
  it('counts brackets outside strings and comments', () => {
    expect(bracketNesting('{ a(b: "{{{{[[[") { c { d } } } # ((((((')).toBe(3);
    expect(bracketNesting('{ a(b: """ {{{ """) { c } }')).toBe(2);
    expect(bracketNesting('['.repeat(100_000))).toBe(100_000);
  });
});
