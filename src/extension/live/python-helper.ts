/**
 * The Python side of a live read. The helper module below is installed once per debuggee, under a
 * private name in `sys.modules` (nothing of the program's is touched); it evaluates the selected
 * expression in the paused frame's scopes with `eval` — an expression, never a statement — and turns
 * the value into JSON text: numpy arrays, torch tensors (detached, on the CPU, as float64), lists,
 * tuples and dicts of those and of plain numbers. `json.dumps` writes infinities and NaN as
 * `Infinity` and `NaN`, which the core's reader reads. A value larger than one reply is kept in the
 * module until its slices are fetched.
 */

const MODULE = '__entropy_lens_live_1__';

const SOURCE = `
import json as _json
import numbers as _numbers
from collections.abc import Mapping as _Mapping, Sequence as _Sequence

_texts = {}
_last = [0]


class _Refused(Exception):
    pass


class _Large(Exception):
    pass


def _where(path):
    return path or 'the value'


def _convert(value, limit):
    count = [0]

    def add(n):
        count[0] += n
        if count[0] > limit:
            raise _Large(count[0])

    def floats(a, path):
        kind = a.dtype.kind
        if kind == 'c':
            raise _Refused('%s is complex (%s)' % (_where(path), a.dtype))
        if kind not in 'biufO':
            raise _Refused('%s holds %s values, not numbers' % (_where(path), a.dtype))
        add(a.size)
        try:
            return a.astype(float).tolist()
        except (TypeError, ValueError) as error:
            raise _Refused('%s does not convert to numbers (%s)' % (_where(path), error))

    def walk(v, path):
        kind = type(v)
        module = getattr(kind, '__module__', None) or ''
        if module.startswith('torch') and hasattr(v, 'detach') and hasattr(v, 'numel'):
            if v.is_complex():
                raise _Refused('%s is a complex tensor' % _where(path))
            if count[0] + v.numel() > limit:
                raise _Large(count[0] + v.numel())
            v = v.detach()
            if getattr(v, 'is_sparse', False):
                v = v.to_dense()
            return floats(v.cpu().double().numpy(), path)
        if isinstance(v, bool) or isinstance(v, _numbers.Real):
            add(1)
            return float(v)
        if isinstance(v, (str, bytes, bytearray)):
            raise _Refused('%s is a %s, not numbers' % (_where(path), kind.__name__))
        if hasattr(v, '__array__'):
            import numpy
            return floats(numpy.asarray(v), path)
        if isinstance(v, _Mapping):
            return {str(k): walk(x, '%s[%r]' % (path, k)) for k, x in v.items()}
        if isinstance(v, _Sequence):
            return [walk(x, '%s[%d]' % (path, i)) for i, x in enumerate(v)]
        if isinstance(v, _numbers.Complex):
            raise _Refused('%s is complex' % _where(path))
        raise _Refused('%s is a %s, not numbers' % (_where(path), kind.__name__))

    return walk(value, ''), count[0]


def _describe(error):
    text = str(error)
    return '%s: %s' % (type(error).__name__, text) if text else type(error).__name__


def capture(value, limit, first):
    try:
        data, count = _convert(value, limit)
        text = _json.dumps(data, separators=(',', ':'))
    except _Refused as refused:
        return 'refused|%s' % refused
    except _Large as large:
        return 'large|%d' % large.args[0]
    except RecursionError:
        return 'refused|the value refers to itself'
    except Exception as error:
        return 'refused|%s' % _describe(error)
    if len(text) <= first:
        return 'ok 0 %d %d|%s' % (len(text), count, text)
    _last[0] += 1
    _texts[_last[0]] = text
    while len(_texts) > 4:
        del _texts[min(_texts)]
    return 'ok %d %d %d|%s' % (_last[0], len(text), count, text[:first])


def evaluate(source, scope_globals, scope_locals, limit, first):
    try:
        code = compile(source, '<selection>', 'eval')
    except SyntaxError as error:
        return 'raised|SyntaxError: %s' % error.msg
    try:
        value = eval(code, scope_globals, scope_locals)
    except Exception as error:
        return 'raised|%s' % _describe(error)
    return capture(value, limit, first)


def piece(token, start, end):
    text = _texts.get(token)
    if text is None:
        return 'gone|'
    if end >= len(text):
        del _texts[token]
    return '|' + text[start:end]


def release(token):
    _texts.pop(token, None)
    return 'released|'
`;

/** The helper module, installed on first use: `sys.modules` keeps it for the debuggee's life. */
const HELPER =
  `(__import__('sys').modules.get('${MODULE}') or (lambda m: (exec(${JSON.stringify(SOURCE)}, m.__dict__), ` +
  `__import__('sys').modules.setdefault('${MODULE}', m))[1])(__import__('types').ModuleType('${MODULE}')))`;

export const pythonConverter = {
  // The selection reaches the debuggee as a string literal, compiled there in 'eval' mode.
  capture: (expression: string, limit: number, first: number): string => `${HELPER}.evaluate(${JSON.stringify(expression)}, globals(), locals(), ${limit}, ${first})`,
  piece: (token: number, start: number, end: number): string => `${HELPER}.piece(${token}, ${start}, ${end})`,
  release: (token: number): string => `${HELPER}.release(${token})`,
};
