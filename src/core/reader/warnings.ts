/**
 * What the reader read but a person should hear about: a key given twice in one object, whose
 * earlier value was replaced (the last wins, as JSON.parse and Python's dict do).
 */
import type { LiteralNode, ObjectNode } from '../literal';

/** The warnings about a literal the reader read, outermost object first, one per repeated key. */
export function readerWarnings(node: LiteralNode): string[] {
  const warnings: string[] = [];
  collect(node, warnings);
  return warnings;
}

function collect(node: LiteralNode, warnings: string[]): void {
  if (node.kind === 'object') {
    if (node.replaced !== undefined) warnings.push(...repeatedKeys(node.replaced));
    for (const entry of node.entries) collect(entry.value, warnings);
  } else if (node.kind === 'list' && node.rows === undefined) {
    // Packed rows hold numbers only; asking for their items would make a node per row.
    for (const item of node.items) collect(item, warnings);
  }
}

function repeatedKeys(replaced: NonNullable<ObjectNode['replaced']>): string[] {
  const times = new Map<string, number>();
  for (const entry of replaced) times.set(entry.key, (times.get(entry.key) ?? 1) + 1);
  return [...times].map(([key, n]) => `the key "${key}" is given ${n === 2 ? 'twice' : `${n} times`}: the last value is used, as JSON.parse and Python do`);
}
