/**
 * The JavaScript side of a live read: the same protocol as python-helper.ts. The helper object is
 * installed once per debuggee as a non-enumerable, symbol-keyed property of `globalThis` (nothing of
 * the program's is touched). Numbers, arrays, typed arrays and objects of those become JSON text;
 * unlike JSON.stringify, infinities and NaN are written `Infinity`, `-Infinity` and `NaN` (the core's
 * reader reads them) rather than `null`. Kept without backslashes: it travels inside a string.
 */

const KEY = 'entropy-lens.live.1';

const SOURCE = `(globalThis[Symbol.for('${KEY}')] || (() => {
  const texts = new Map();
  let last = 0;
  class Refused { constructor(message) { this.message = message; } }
  class Large { constructor(count) { this.count = count; } }
  const number = (x) => (Number.isFinite(x) ? String(x) : x !== x ? 'NaN' : x > 0 ? 'Infinity' : '-Infinity');
  const where = (path) => path || 'the value';
  const kindOf = (v) => v === null ? 'null' : v === undefined ? 'undefined' : Array.isArray(v) ? 'an array'
    : typeof v === 'object' ? 'a ' + ((v.constructor && v.constructor.name) || 'object') : 'a ' + typeof v;
  const describe = (e) => {
    try {
      return e instanceof Error ? e.name + ': ' + e.message : 'threw ' + String(e);
    } catch (_) {
      return 'threw a value that has no text';
    }
  };
  const encode = (value, limit) => {
    let count = 0;
    const open = new Set();
    const add = (n) => {
      count += n;
      if (count > limit) throw new Large(count);
    };
    const walk = (v, path) => {
      if (typeof v === 'number' || typeof v === 'boolean') {
        add(1);
        return number(+v);
      }
      if (typeof v === 'bigint') {
        add(1);
        return number(Number(v));
      }
      if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
        add(v.length);
        return '[' + Array.from(v, (x) => number(Number(x))).join(',') + ']';
      }
      if (v === null || typeof v !== 'object') throw new Refused(where(path) + ' is ' + kindOf(v) + ', not numbers');
      if (open.has(v)) throw new Refused(where(path) + ' refers to itself');
      open.add(v);
      let text;
      if (Array.isArray(v)) {
        const parts = [];
        for (let i = 0; i < v.length; i++) parts.push(walk(v[i], path + '[' + i + ']'));
        text = '[' + parts.join(',') + ']';
      } else {
        const keys = Object.keys(v);
        if (keys.length === 0) throw new Refused(where(path) + ' is ' + kindOf(v) + ' with no numbers in it');
        text = '{' + keys.map((k) => JSON.stringify(k) + ':' + walk(v[k], path + '[' + JSON.stringify(k) + ']')).join(',') + '}';
      }
      open.delete(v);
      return text;
    };
    return { text: walk(value, ''), count };
  };
  const api = {
    raised: (e) => 'raised|' + describe(e),
    capture: (value, limit, first) => {
      let encoded;
      try {
        encoded = encode(value, limit);
      } catch (e) {
        if (e instanceof Refused) return 'refused|' + e.message;
        if (e instanceof Large) return 'large|' + e.count;
        if (e instanceof RangeError) return 'refused|the value is nested too deeply';
        return 'refused|' + describe(e);
      }
      const { text, count } = encoded;
      if (text.length <= first) return 'ok 0 ' + text.length + ' ' + count + '|' + text;
      last += 1;
      texts.set(last, text);
      while (texts.size > 4) texts.delete(texts.keys().next().value);
      return 'ok ' + last + ' ' + text.length + ' ' + count + '|' + text.slice(0, first);
    },
    piece: (token, start, end) => {
      const text = texts.get(token);
      if (text === undefined) return 'gone|';
      if (end >= text.length) texts.delete(token);
      return '|' + text.slice(start, end);
    },
    release: (token) => {
      texts.delete(token);
      return 'released|';
    },
  };
  Object.defineProperty(globalThis, Symbol.for('${KEY}'), { value: api, configurable: true });
  return api;
})())`;

export const javascriptConverter = {
  // The selection is checked to be one expression (expression.ts) before it is placed here; the
  // arrow function keeps the frame's scope, `this` and `arguments`, and catches what it throws.
  capture: (expression: string, limit: number, first: number): string =>
    `(() => { const __entropyLens = ${SOURCE}; let __entropyLensValue; try { __entropyLensValue = (\n${expression}\n); } ` +
    `catch (__entropyLensError) { return __entropyLens.raised(__entropyLensError); } return __entropyLens.capture(__entropyLensValue, ${limit}, ${first}); })()`,
  piece: (token: number, start: number, end: number): string => `${SOURCE}.piece(${token}, ${start}, ${end})`,
  release: (token: number): string => `${SOURCE}.release(${token})`,
};
