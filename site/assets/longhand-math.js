/*
 * Longhand: exp, log and tanh exactly as Java's StrictMath computes them. Loaded by pages
 * whose blocks use sigmoid, tanh, softmax or cross-entropy, so that the browser's recompute
 * matches the build to the last bit. Sets window.LonghandMath = { exp, log, tanh }.
 */
(function () {
  "use strict";

  // ---- fdlibm ----------------------------------------------------------------------------
  //
  // ECMAScript lets Math.exp and Math.log be off by an ulp, and Chromium's are (about one
  // argument in ten), so the trace would differ from the build's in its last digit. These are
  // fdlibm's __ieee754_exp and __ieee754_log (e_exp.c, e_log.c), which StrictMath specifies,
  // step for step on the two 32-bit words of a double; tanh and the expm1 it stands on
  // likewise (s_tanh.c, s_expm1.c). V8's own Math.tanh differs from StrictMath.tanh in the
  // last bit for some arguments below 1 in magnitude.

  var WORDS = new Float64Array(1);
  var WORD = new Int32Array(WORDS.buffer);
  var HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
  var LO = 1 - HI;

  function highWord(x) { WORDS[0] = x; return WORD[HI]; }
  function lowWord(x) { WORDS[0] = x; return WORD[LO]; }
  function withHighWord(x, hi) { WORDS[0] = x; WORD[HI] = hi; return WORDS[0]; }

  var LN2_HI = [6.93147180369123816490e-01, -6.93147180369123816490e-01];
  var LN2_LO = [1.90821492927058770002e-10, -1.90821492927058770002e-10];
  var HALF = [0.5, -0.5];
  var TWO_M1000 = 9.33263618503218878990e-302;

  function exp(x) {
    var hx = highWord(x);
    var xsb = (hx >>> 31) & 1;
    hx &= 0x7fffffff;
    var hi = 0;
    var lo = 0;
    var k = 0;
    if (hx >= 0x40862E42) {
      if (hx >= 0x7ff00000) {
        if (((hx & 0xfffff) | lowWord(x)) !== 0) {
          return x + x;
        }
        return xsb === 0 ? x : 0.0;
      }
      if (x > 7.09782712893383973096e+02) {
        return Infinity;
      }
      if (x < -7.45133219101941108420e+02) {
        return 0.0;
      }
    }
    if (hx > 0x3fd62e42) {
      if (hx < 0x3FF0A2B2) {
        hi = x - LN2_HI[xsb];
        lo = LN2_LO[xsb];
        k = 1 - xsb - xsb;
      } else {
        k = (1.44269504088896338700e+00 * x + HALF[xsb]) | 0;
        hi = x - k * LN2_HI[0];
        lo = k * LN2_LO[0];
      }
      x = hi - lo;
    } else if (hx < 0x3e300000) {
      return 1.0 + x;
    }
    var t = x * x;
    var c = x - t * (1.66666666666666019037e-01 + t * (-2.77777777770155933842e-03 + t * (6.61375632143793436117e-05
      + t * (-1.65339022054652515390e-06 + t * 4.13813679705723846039e-08))));
    if (k === 0) {
      return 1.0 - ((x * c) / (c - 2.0) - x);
    }
    var y = 1.0 - ((lo - (x * c) / (2.0 - c)) - hi);
    if (k >= -1021) {
      return withHighWord(y, highWord(y) + (k << 20));
    }
    return withHighWord(y, highWord(y) + ((k + 1000) << 20)) * TWO_M1000;
  }

  var TWO54 = 1.80143985094819840000e+16;

  function log(x) {
    var hx = highWord(x);
    var lx = lowWord(x);
    var k = 0;
    if (hx < 0x00100000) {
      if (((hx & 0x7fffffff) | lx) === 0) {
        return -Infinity;
      }
      if (hx < 0) {
        return NaN;
      }
      k -= 54;
      x *= TWO54;
      hx = highWord(x);
    }
    if (hx >= 0x7ff00000) {
      return x + x;
    }
    k += (hx >> 20) - 1023;
    hx &= 0x000fffff;
    var i = (hx + 0x95f64) & 0x100000;
    x = withHighWord(x, hx | (i ^ 0x3ff00000));
    k += i >> 20;
    var f = x - 1.0;
    var dk;
    var R;
    if ((0x000fffff & (2 + hx)) < 3) {
      if (f === 0) {
        if (k === 0) {
          return 0.0;
        }
        dk = k;
        return dk * LN2_HI[0] + dk * LN2_LO[0];
      }
      R = f * f * (0.5 - 0.33333333333333333 * f);
      if (k === 0) {
        return f - R;
      }
      dk = k;
      return dk * LN2_HI[0] - ((R - dk * LN2_LO[0]) - f);
    }
    var s = f / (2.0 + f);
    dk = k;
    var z = s * s;
    i = hx - 0x6147a;
    var w = z * z;
    var j = 0x6b851 - hx;
    var t1 = w * (3.999999999940941908e-01 + w * (2.222219843214978396e-01 + w * 1.531383769920937332e-01));
    var t2 = z * (6.666666666666735130e-01 + w * (2.857142874366239149e-01 + w * (1.818357216161805012e-01
      + w * 1.479819860511658591e-01)));
    i |= j;
    R = t2 + t1;
    if (i > 0) {
      var hfsq = 0.5 * f * f;
      if (k === 0) {
        return f - (hfsq - s * (hfsq + R));
      }
      return dk * LN2_HI[0] - ((hfsq - (s * (hfsq + R) + dk * LN2_LO[0])) - f);
    }
    if (k === 0) {
      return f - s * (f - R);
    }
    return dk * LN2_HI[0] - ((s * (f - R) - dk * LN2_LO[0]) - f);
  }

  // expm1's polynomial for e^r − 1 on |r| ≤ ln2/2, its coefficients scaled as fdlibm scales them.
  var EXPM1_Q = [-3.33333333333331316428e-02, 1.58730158725481460165e-03, -7.93650757867487942473e-05,
    4.00821782732936239552e-06, -2.01099218183624371326e-07];
  var INV_LN2 = 1.44269504088896338700e+00;
  var HUGE = 1.0e+300;
  var TINY = 1.0e-300;

  /** e^x − 1 (fdlibm's expm1): reduce x to r + k·ln2, then rebuild from the polynomial. */
  function expm1(x) {
    var hx = highWord(x);
    var negative = (hx & 0x80000000) !== 0;
    hx &= 0x7fffffff;
    if (hx >= 0x4043687A) {                       // |x| ≥ 56·ln2
      if (hx >= 0x40862E42) {                     // |x| ≥ 709.78...
        if (hx >= 0x7ff00000) {
          if (((hx & 0xfffff) | lowWord(x)) !== 0) {
            return x + x;                         // NaN
          }
          return negative ? -1.0 : x;             // e^±∞ − 1
        }
        if (x > 7.09782712893383973096e+02) {
          return HUGE * HUGE;                     // overflows to +∞
        }
      }
      if (negative && x + TINY < 0.0) {
        return TINY - 1.0;                        // −1 to the last bit
      }
    }
    var k = 0;
    var c = 0;
    var hi;
    var lo;
    var t;
    if (hx > 0x3fd62e42) {                        // |x| > ln2/2: reduce
      if (hx < 0x3FF0A2B2) {                      // and |x| < 1.5·ln2: k is ±1
        if (!negative) {
          hi = x - LN2_HI[0]; lo = LN2_LO[0]; k = 1;
        } else {
          hi = x + LN2_HI[0]; lo = -LN2_LO[0]; k = -1;
        }
      } else {
        k = (INV_LN2 * x + (negative ? -0.5 : 0.5)) | 0;   // C's conversion: toward zero
        t = k;
        hi = x - t * LN2_HI[0];                   // exact
        lo = t * LN2_LO[0];
      }
      x = hi - lo;
      c = (hi - x) - lo;
    } else if (hx < 0x3c900000) {                 // |x| < 2^−54: x itself
      t = HUGE + x;
      return x - (t - (HUGE + x));
    }
    var hfx = 0.5 * x;
    var hxs = x * hfx;
    var r1 = 1.0 + hxs * (EXPM1_Q[0] + hxs * (EXPM1_Q[1] + hxs * (EXPM1_Q[2] + hxs * (EXPM1_Q[3] + hxs * EXPM1_Q[4]))));
    t = 3.0 - r1 * hfx;
    var e = hxs * ((r1 - t) / (6.0 - x * t));
    if (k === 0) {
      return x - (x * e - hxs);
    }
    e = (x * (e - c) - c);
    e -= hxs;
    if (k === -1) {
      return 0.5 * (x - e) - 0.5;
    }
    if (k === 1) {
      return x < -0.25 ? -2.0 * (e - (x + 0.5)) : 1.0 + 2.0 * (x - e);
    }
    var y;
    if (k <= -2 || k > 56) {                      // e^x alone is enough
      y = 1.0 - (e - x);
      y = withHighWord(y, highWord(y) + (k << 20));
      return y - 1.0;
    }
    if (k < 20) {
      t = withHighWord(1.0, 0x3ff00000 - (0x200000 >> k));   // 1 − 2^−k
      y = t - (e - x);
    } else {
      t = withHighWord(1.0, (0x3ff - k) << 20);   // 2^−k
      y = x - (e + t);
      y += 1.0;
    }
    return withHighWord(y, highWord(y) + (k << 20));
  }

  /** tanh (fdlibm's): through expm1 of 2|x|, the sign put back at the end. */
  function tanh(x) {
    var jx = highWord(x);
    var ix = jx & 0x7fffffff;
    if (ix >= 0x7ff00000) {                       // ±∞ or NaN
      return jx >= 0 ? 1.0 / x + 1.0 : 1.0 / x - 1.0;
    }
    var z;
    if (ix < 0x40360000) {                        // |x| < 22
      if (ix < 0x3c800000) {                      // |x| < 2^−55
        return x * (1.0 + x);
      }
      var t;
      if (ix >= 0x3ff00000) {                     // |x| ≥ 1
        t = expm1(2.0 * Math.abs(x));
        z = 1.0 - 2.0 / (t + 2.0);
      } else {
        t = expm1(-2.0 * Math.abs(x));
        z = -t / (t + 2.0);
      }
    } else {
      z = 1.0 - TINY;                             // 1, rounded
    }
    return jx >= 0 ? z : -z;
  }

  window.LonghandMath = { exp: exp, log: log, tanh: tanh };
})();
