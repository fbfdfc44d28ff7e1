import {
  ASTVisitor, DocumentNode, FieldNode, FragmentDefinitionNode, getNamedType, GraphQLCompositeType, GraphQLError,
  GraphQLField, GraphQLSchema, isCompositeType, isListType, isNonNullType, Kind, OperationDefinitionNode,
  SelectionSetNode, GraphQLOutputType, ValidationContext, ValidationRule, getOperationAST, GraphQLNamedType,
} from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import type { Config } from '../config';
import { LISTS, NESTING, PAGE_SIZE } from '../domain/limits';

/** The limits a document must keep before anything runs; all configurable (see src/config.ts). */
export interface DocumentLimits {
  maxDepth: number;
  maxCost: number;
  maxAliases: number;
  maxDirectives: number;
}

/**
 * The most items a list field can return, by `Type.field`: what the cost estimate multiplies by. Every list
 * in the schema that is not a connection must be here (a test checks), so no list is priced at a guess.
 */
export const LIST_MAXIMUMS: Record<string, number> = {
  'Claim.reviews': LISTS.reviewsShown,
  'Claim.history': LISTS.historyShown,
  'Review.evidence': LISTS.evidencePerReview,
  'Article.revisions': LISTS.revisionsShown,
  'Mutation.assignClaims': LISTS.bulkClaims,
  'Mutation.setClaimStates': LISTS.bulkClaims,
  'Agreement.pairwise': LISTS.agreementPairs,
  'Agreement.reviewers': LISTS.agreementReviewers,
};

function rejection(message: string, extensions: Record<string, unknown>, nodes?: OperationDefinitionNode): GraphQLError {
  return new GraphQLError(message, { nodes, extensions: { code: 'GRAPHQL_VALIDATION_FAILED', ...extensions } });
}

function isConnection(type: GraphQLOutputType): boolean {
  return getNamedType(type).name.endsWith('Connection');
}

function isList(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

/** The page size a resolver will actually use for `first`: absent is the default, anything else is clamped to 1..max. */
function pageSize(field: FieldNode, variables: Record<string, unknown>, read: string[]): number {
  const arg = field.arguments?.find((a) => a.name.value === 'first');
  let value: unknown = undefined;
  if (arg?.value.kind === Kind.INT) value = Number(arg.value.value);
  else if (arg?.value.kind === Kind.VARIABLE) {
    value = variables[arg.value.name.value];
    read.push(arg.value.name.value);
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) return PAGE_SIZE.default;
  // A negative or zero page is refused when it runs; pricing it at less than one page would hide a sibling's cost.
  return Math.min(PAGE_SIZE.max, Math.max(1, Math.trunc(value)));
}

/**
 * Walks an operation once per fragment: each fragment's depth and cost are computed the first time it is
 * spread and remembered, so a chain of fragments that each spread the next twice costs linear time, not 2^n.
 */
class DocumentWalker {
  private readonly fragments = new Map<string, FragmentDefinitionNode>();
  private readonly depths = new Map<string, number>();
  private readonly costs = new Map<string, number>();
  /** The variables the cost read (page sizes given as variables), in the order it read them. */
  readonly variablesRead: string[] = [];

  constructor(private readonly schema: GraphQLSchema, document: DocumentNode, private readonly variables: Record<string, unknown> = {}) {
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) this.fragments.set(definition.name.value, definition);
    }
  }

  depth(selectionSet: SelectionSetNode | undefined): number {
    if (!selectionSet) return 0;
    let deepest = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith('__')) continue;
        deepest = Math.max(deepest, 1 + this.depth(selection.selectionSet));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        deepest = Math.max(deepest, this.depth(selection.selectionSet));
      } else {
        deepest = Math.max(deepest, this.memo(this.depths, selection.name.value, (fragment) => this.depth(fragment.selectionSet)));
      }
    }
    return deepest;
  }

  /** Every field resolved counts 1, times the items of each list or page it stands in. */
  cost(selectionSet: SelectionSetNode | undefined, parent: GraphQLNamedType | undefined): number {
    if (!selectionSet) return 0;
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        total += this.fieldCost(selection, parent);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? this.schema.getType(selection.typeCondition.name.value) : parent;
        total += this.cost(selection.selectionSet, type ?? undefined);
      } else {
        total += this.memo(this.costs, selection.name.value, (fragment) =>
          this.cost(fragment.selectionSet, this.schema.getType(fragment.typeCondition.name.value) ?? undefined));
      }
    }
    return total;
  }

  private fieldCost(node: FieldNode, parent: GraphQLNamedType | undefined): number {
    const name = node.name.value;
    // __typename is resolved like any field; the introspection roots are priced by their own switch (INTROSPECTION).
    if (name === '__typename') return 1;
    if (name.startsWith('__')) return 0;
    const field: GraphQLField<unknown, unknown> | undefined =
      parent && isCompositeType(parent) && 'getFields' in parent ? (parent as Exclude<GraphQLCompositeType, { getTypes: unknown }>).getFields()[name] : undefined;
    const type = field ? getNamedType(field.type) : undefined;
    const children = this.cost(node.selectionSet, type);
    if (!field) return 1 + children;
    if (isConnection(field.type)) return 1 + pageSize(node, this.variables, this.variablesRead) * children;
    // A connection's edges are its page, already counted by the connection's page size.
    if (isList(field.type) && parent!.name.endsWith('Connection')) return 1 + children;
    if (isList(field.type)) return 1 + (LIST_MAXIMUMS[`${parent!.name}.${name}`] ?? PAGE_SIZE.max) * children;
    return 1 + children;
  }

  // A fragment in a cycle (reported by graphql's own rules) or missing counts as nothing here.
  private memo(cache: Map<string, number>, name: string, compute: (fragment: FragmentDefinitionNode) => number): number {
    const known = cache.get(name);
    if (known !== undefined) return known;
    const fragment = this.fragments.get(name);
    if (!fragment) return 0;
    cache.set(name, 0);
    const value = compute(fragment);
    cache.set(name, value);
    return value;
  }
}

/** The document limits as configured. */
export function documentLimits(config: Pick<Config, 'maxQueryDepth' | 'maxQueryAliases' | 'maxQueryDirectives'>) {
  return { maxDepth: config.maxQueryDepth, maxAliases: config.maxQueryAliases, maxDirectives: config.maxQueryDirectives };
}

/** How deep brackets may nest for the configured depth limit: deeper than any query within it needs. */
export function maxBracketNesting(config: Pick<Config, 'maxQueryDepth'>): number {
  return Math.max(NESTING.documentBrackets, 2 * config.maxQueryDepth + 16);
}

/**
 * Rejects documents with too many aliases or directives, and operations nested too deep. Linear in the
 * document's size: fragments are measured once each, however often they are spread.
 */
export function documentLimitsRule(limits: Omit<DocumentLimits, 'maxCost'>): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    let aliases = 0;
    let directives = 0;
    const walker = new DocumentWalker(context.getSchema(), context.getDocument());
    return {
      Field(node) {
        if (node.alias) aliases += 1;
      },
      Directive() {
        directives += 1;
      },
      OperationDefinition(node: OperationDefinitionNode) {
        const depth = walker.depth(node.selectionSet);
        if (depth > limits.maxDepth) {
          context.reportError(rejection(`Query is nested ${depth} levels deep; the depth limit allows at most ${limits.maxDepth}`,
            { limit: 'depth', value: depth, max: limits.maxDepth }, node));
        }
      },
      Document: {
        leave() {
          if (aliases > limits.maxAliases) {
            context.reportError(rejection(`Document has ${aliases} aliases; the alias limit allows at most ${limits.maxAliases}`,
              { limit: 'aliases', value: aliases, max: limits.maxAliases }));
          }
          if (directives > limits.maxDirectives) {
            context.reportError(rejection(`Document has ${directives} directives; the directive limit allows at most ${limits.maxDirectives}`,
              { limit: 'directives', value: directives, max: limits.maxDirectives }));
          }
        },
      },
    };
  };
}

/**
 * The estimated cost of the operation to run, with page sizes as the resolvers will use them, or null when
 * the variables do not fit the operation (execution then reports that as BAD_USER_INPUT, running nothing).
 */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined,
  rawVariables: Record<string, unknown> | undefined): number | null {
  const operation = getOperationAST(document, operationName);
  if (!operation) return null;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables ?? {}, { maxErrors: 1 });
  if (coerced.errors) return null;
  // The cost is a function of the document, the operation and the page sizes given as variables: walked once
  // for each combination of those (documents are parsed once per text and reused, so the same object returns).
  let byOperation = knownCosts.get(document);
  if (!byOperation) knownCosts.set(document, byOperation = new Map());
  const known = byOperation.get(operation);
  const key = known ? JSON.stringify(known.variablesRead.map((name) => coerced.coerced[name] ?? null)) : '';
  const cost = known?.costs.get(key);
  if (cost !== undefined) return cost;
  const root = operation.operation === 'query' ? schema.getQueryType()
    : operation.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
  const walker = new DocumentWalker(schema, document, coerced.coerced);
  const walked = walker.cost(operation.selectionSet, root ?? undefined);
  const entry = known ?? { variablesRead: walker.variablesRead, costs: new Map<string, number>() };
  // Bounded: page sizes are clamped to 1..PAGE_SIZE.max, but a document may give several as variables.
  if (entry.costs.size >= KNOWN_COSTS_PER_OPERATION) entry.costs.clear();
  entry.costs.set(known ? key : JSON.stringify(walker.variablesRead.map((name) => coerced.coerced[name] ?? null)), walked);
  byOperation.set(operation, entry);
  return walked;
}

const KNOWN_COSTS_PER_OPERATION = 256;
const knownCosts = new WeakMap<DocumentNode, Map<OperationDefinitionNode, { variablesRead: string[]; costs: Map<string, number> }>>();

/** The error for an operation over the cost limit. */
export function costLimitError(cost: number, maxCost: number): GraphQLError {
  return rejection(`Query costs ${cost}; the cost limit allows at most ${maxCost} (ask for smaller pages or fewer fields)`,
    { limit: 'cost', cost, maxCost, http: { status: 400 } });
}

/**
 * How deeply brackets nest in a GraphQL document, outside strings and comments: one linear pass, so a
 * document nested deep enough to exhaust the recursive parser's stack is refused before it is parsed.
 */
export function bracketNesting(source: string): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '#') {
      while (i < source.length && source[i] !== '\n' && source[i] !== '\r') i++;
    } else if (c === '"') {
      if (source.startsWith('"""', i)) {
        const end = source.indexOf('"""', i + 3);
        i = end === -1 ? source.length : end + 2;
      } else {
        for (i++; i < source.length && source[i] !== '"' && source[i] !== '\n'; i++) if (source[i] === '\\') i++;
      }
    } else if (c === '{' || c === '[' || c === '(') {
      depth += 1;
      if (depth > deepest) deepest = depth;
    } else if (c === '}' || c === ']' || c === ')') {
      depth = Math.max(0, depth - 1);
    }
  }
  return deepest;
}
