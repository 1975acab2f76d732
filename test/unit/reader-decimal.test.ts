import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { decimalToDouble } from '../../src/core/reader';
import { numberIn } from '../../src/core/reader/scan';

/** Digits as `decimalToDouble` takes them: the first nine, the next nine, how many, and the dropped ones' power. */
function split(digits: string): { g1: number; g2: number; nd: number; dropped: number } {
  const significant = digits.replace(/^0+/, '');
  return {
    g1: Number(significant.slice(0, 9) || '0'),
    g2: Number(significant.slice(9, 18) || '0'),
    nd: significant.length,
    dropped: Math.max(0, significant.length - 18),
  };
}

const digitString = (maxLength: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength });

/** A decimal as people write it: sign, digits with `_` separators, fraction, exponent. */
const decimal = fc
  .record({
    sign: fc.constantFrom('', '-', '+'),
    int: digitString(25),
    fraction: fc.option(fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength: 25 }), { nil: undefined }),
    exponent: fc.option(fc.integer({ min: -400, max: 400 }), { nil: undefined }),
    underscores: fc.boolean(),
  })
  .map(({ sign, int, fraction, exponent, underscores }) => {
    const grouped = underscores ? int.replace(/\B(?=(\d{3})+$)/g, '_') : int;
    return `${sign}${grouped}${fraction === undefined ? '' : `.${fraction}`}${exponent === undefined ? '' : `e${exponent}`}`;
  });

describe('the one decimal → double conversion', function () {
  this.timeout(20_000);

  it('equals Number(text) for random decimal strings, read by the one number scanner', () => {
    fc.assert(
      fc.property(decimal, (text) => {
        const expected = Number(text.replace(/_/g, ''));
        assert.ok(Object.is(numberIn(text), expected), `${text}: read ${numberIn(text)}, Number() ${expected}`);
      }),
      { numRuns: 20_000 },
    );
  });

  it('is exact or undecided (-1) for every split of random digits, never a wrong double', () => {
    fc.assert(
      fc.property(digitString(30), fc.integer({ min: -40, max: 40 }), (digits, e) => {
        const { g1, g2, nd, dropped } = split(digits);
        const value = decimalToDouble(g1, g2, nd, e + dropped);
        if (nd > 18) assert.equal(value, -1, 'more digits than it keeps: undecided');
        else if (value !== -1) assert.ok(Object.is(value, Number(`${digits}e${e}`)), `${digits}e${e}: ${value}`);
      }),
      { numRuns: 20_000 },
    );
  });

  it('decides the digits people paste: up to 15 digits, and 16–18 within 10^±22', () => {
    const undecided: string[] = [];
    fc.assert(
      fc.property(digitString(18), fc.integer({ min: -22, max: 22 }), (digits, e) => {
        const { g1, g2, nd } = split(digits);
        if (decimalToDouble(g1, g2, nd, e) === -1) undecided.push(`${digits}e${e}`);
      }),
      { numRuns: 20_000 },
    );
    // Only a value within ~2^-80 of a rounding boundary may be left to Number().
    assert.ok(undecided.length <= 2, `undecided: ${undecided.slice(0, 5).join(', ')}`);
  });

  it('reads only a whole token: no digit, a second point or a trailing letter is not a number', () => {
    for (const text of ['', '.', '-', '+.', '1..2', '1.2.3', '1e', '1e+', '1_', '_1', '1__0', '0x10', '1 ']) {
      assert.equal(numberIn(text), undefined, JSON.stringify(text));
    }
    assert.equal(numberIn('1_000.000_1'), 1000.0001);
    assert.equal(numberIn('-.5e-3'), -0.0005);
    assert.ok(Object.is(numberIn('-0'), -0));
  });
});
