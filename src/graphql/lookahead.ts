import { FragmentDefinitionNode, GraphQLResolveInfo, Kind, SelectionSetNode } from 'graphql';

/**
 * The dotted paths of every field selected under the current field (`edges.node.reviews.evidence`), through
 * fragments; directives are ignored, so a path may be reported that `@skip` leaves out (loading more, never less).
 */
export function selectedPaths(info: GraphQLResolveInfo, maxDepth = 5): Set<string> {
  const paths = new Set<string>();
  const walk = (selections: SelectionSetNode | undefined, prefix: string, depth: number): void => {
    if (!selections || depth > maxDepth) return;
    for (const selection of selections.selections) {
      if (selection.kind === Kind.FIELD) {
        const path = prefix === '' ? selection.name.value : `${prefix}.${selection.name.value}`;
        paths.add(path);
        walk(selection.selectionSet, path, depth + 1);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet, prefix, depth);
      } else {
        walk(info.fragments[selection.name.value]?.selectionSet, prefix, depth);
      }
    }
  };
  for (const node of info.fieldNodes) walk(node.selectionSet, '', 1);
  return paths;
}

/** True when the operation (or any fragment) selects a field of this name anywhere. */
export function documentSelects(info: GraphQLResolveInfo, name: string): boolean {
  const search = (selections: SelectionSetNode | undefined): boolean =>
    !!selections && selections.selections.some((selection) =>
      selection.kind === Kind.FIELD ? selection.name.value === name || search(selection.selectionSet)
        : selection.kind === Kind.INLINE_FRAGMENT ? search(selection.selectionSet) : false);
  return search(info.operation.selectionSet)
    || Object.values(info.fragments).some((fragment: FragmentDefinitionNode) => search(fragment.selectionSet));
}

