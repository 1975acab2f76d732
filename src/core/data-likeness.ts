/**
 * Whether a literal under the pointer is data worth a hover, from its text and the code around it.
 *
 * A hover nobody asked for must not speak about numbers that are not a distribution. Integer tuples
 * are the usual false alarm: tensor shapes (`torch.zeros((3, 224, 224))`, `x.view(-1, 28, 28)`,
 * `figsize=(8, 6)`) and versions (`sys.version_info >= (3, 11)`, `__version__ = (1, 2, 3)`). Both
 * are recognised by the code around the literal, and only for literals of integers: counts such as
 * `[10, 20, 70]` elsewhere stay data, and a literal with a decimal point is always data.
 * See docs/decisions.md ("Which hovers are declined").
 */

/** Why a literal is not data; undefined when it is. */
export type NotData =
  | { readonly kind: 'shape-argument'; readonly call: string }
  | { readonly kind: 'shape-keyword'; readonly keyword: string }
  | { readonly kind: 'version' }
  | { readonly kind: 'compared' };

/**
 * Calls whose integer arguments are sizes, axes or repetitions, by the last part of their name,
 * lower-cased (`torch.zeros`, `np.random.randint`, `x.view`, `nn.Conv2d`, `layers.Reshape`).
 */
export const SHAPE_CALLS: ReadonlySet<string> = new Set([
  // creation with a shape
  'zeros', 'ones', 'empty', 'full', 'eye', 'identity', 'ndarray',
  'new_zeros', 'new_ones', 'new_empty', 'new_full', 'empty_strided',
  'rand', 'randn', 'randint', 'random', 'random_sample', 'standard_normal', 'normal', 'uniform', 'integers',
  // shape changes
  'reshape', 'view', 'resize', 'resize_', 'expand', 'expand_dims', 'broadcast_to', 'permute', 'transpose',
  'swapaxes', 'moveaxis', 'squeeze', 'unsqueeze', 'flatten', 'unflatten', 'tile', 'repeat', 'as_strided', 'size',
  // layers whose tuples are kernel, pooling and output sizes
  'conv1d', 'conv2d', 'conv3d', 'convtranspose1d', 'convtranspose2d', 'convtranspose3d', 'conv2dtranspose',
  'maxpool1d', 'maxpool2d', 'maxpool3d', 'avgpool1d', 'avgpool2d', 'avgpool3d',
  'adaptiveavgpool1d', 'adaptiveavgpool2d', 'adaptiveavgpool3d', 'adaptivemaxpool1d', 'adaptivemaxpool2d', 'adaptivemaxpool3d',
  'maxpooling1d', 'maxpooling2d', 'maxpooling3d', 'averagepooling1d', 'averagepooling2d', 'averagepooling3d',
  'upsample', 'upsampling2d', 'zeropadding2d', 'cropping2d', 'interpolate', 'input', 'subplots',
]);

/** Keyword arguments whose integer values are sizes or axes. */
export const SHAPE_KEYWORDS: ReadonlySet<string> = new Set([
  'shape', 'size', 'sizes', 'newshape', 'new_shape', 'dim', 'dims', 'axis', 'axes', 'reps', 'repeats',
  'kernel_size', 'stride', 'strides', 'padding', 'dilation', 'output_size', 'output_padding', 'pool_size',
  'input_shape', 'output_shape', 'target_shape', 'batch_shape', 'figsize', 'perm',
]);

/** How far back the code before a literal is looked at: a call's earlier arguments fit in it. */
export const CONTEXT_BEFORE = 200;
/** How far after a literal: enough for a comparison operator. */
export const CONTEXT_AFTER = 16;

/** `name(` at the start of a literal that includes its wrapper, and the first bracket group after it. */
const WRAPPED = /^([A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*)*)\s*\(\s*/;
/** Only integers (signed, `_` separators), commas, brackets and whitespace. */
const INTEGERS_ONLY = /^[\s,()[\]]*[-+]?\d[\d_]*(?:[\s,()[\]]+[-+]?\d[\d_]*)*[\s,()[\]]*$/;
const COMPARISON_BEFORE = /(?:<=?|>=?|[=!]=)\s*$/;
const COMPARISON_AFTER = /^\s*(?:<=?|>=?|[=!]=)/;

/**
 * Why `literal` is not data, judged with the code just before it (`before`: up to
 * {@link CONTEXT_BEFORE} characters ending where the literal starts) and just after it (`after`).
 * The literal may include its wrapper call (`torch.Size([3, 224, 224])`).
 */
export function notDataReason(literal: string, before: string, after = ''): NotData | undefined {
  const wrapped = WRAPPED.exec(literal);
  const inner = wrapped ? literal.slice(wrapped[0].length, literal.lastIndexOf(')') >= 0 ? literal.lastIndexOf(')') : literal.length) : literal;
  const numbers = wrapped ? firstArgument(inner) : inner;
  if (!INTEGERS_ONLY.test(numbers)) return undefined;
  const ownCall = wrapped ? lastName(wrapped[1]) : undefined;
  if (ownCall !== undefined && SHAPE_CALLS.has(ownCall)) return { kind: 'shape-argument', call: wrapped![1].replace(/\s+/g, '') };
  const keyword = keywordBefore(before);
  if (keyword !== undefined && SHAPE_KEYWORDS.has(keyword.toLowerCase())) return { kind: 'shape-keyword', keyword };
  const call = enclosingCall(before);
  if (call !== undefined && SHAPE_CALLS.has(lastName(call))) return { kind: 'shape-argument', call };
  const line = before.slice(before.lastIndexOf('\n') + 1);
  if (/version/i.test(line)) return { kind: 'version' };
  const lineAfter = after.split('\n', 1)[0];
  if (COMPARISON_BEFORE.test(line) || COMPARISON_AFTER.test(lineAfter)) return { kind: 'compared' };
  return undefined;
}

/** Whether a hover should speak about `literal`: see {@link notDataReason}. */
export function looksLikeData(literal: string, before: string, after = ''): boolean {
  return notDataReason(literal, before, after) === undefined;
}

/** The text of a call's first argument: up to the first comma outside brackets. */
function firstArgument(args: string): string {
  let depth = 0;
  for (let i = 0; i < args.length; i++) {
    const c = args[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 0) return args.slice(0, i);
  }
  return args;
}

/** `np.random.randint` → `randint`, lower-cased. */
function lastName(name: string): string {
  const parts = name.split('.');
  return parts[parts.length - 1].trim().toLowerCase();
}

/** `shape` when `before` ends with `shape=` (not `==`). */
function keywordBefore(before: string): string | undefined {
  const match = /([A-Za-z_]\w*)\s*=\s*$/.exec(before);
  if (!match) return undefined;
  const at = match.index + match[0].lastIndexOf('=');
  return before[at - 1] === '=' || before[at - 1] === '!' || before[at - 1] === '<' || before[at - 1] === '>' ? undefined : match[1];
}

/**
 * The name of the call whose parentheses the literal stands in, from the code before it: scans back
 * over the call's earlier arguments (`torch.randint(0, 10, ` → `torch.randint`). Undefined when the
 * literal is not a call's argument (an `=`, `:` or `;` comes first, or a list or object opens), or
 * the call starts further back than `before` reaches.
 */
export function enclosingCall(before: string): string | undefined {
  let depth = 0;
  for (let i = before.length - 1; i >= 0; i--) {
    const c = before[i];
    if (c === ')' || c === ']' || c === '}') depth++;
    else if (c === '[' || c === '{') {
      if (depth === 0) return undefined; // inside a list or an object, not directly a call's argument
      depth--;
    } else if (c === '(') {
      if (depth > 0) {
        depth--;
        continue;
      }
      const name = /([A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*)*)\s*$/.exec(before.slice(0, i));
      return name ? name[1].replace(/\s+/g, '') : undefined;
    } else if (depth === 0 && (c === ';' || c === '=' || c === ':')) {
      return undefined; // an assignment, a statement's or a block's end: the literal is not in a call
    }
  }
  return undefined;
}
