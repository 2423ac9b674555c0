/*
 * Longhand: exp, log and tanh exactly as Java's StrictMath computes them, and erf as Java's
 * nn.Erf does. Loaded by pages whose blocks use sigmoid, tanh, GELU, softmax or cross-entropy,
 * so that the browser's recompute matches the build to the last bit. Sets
 * window.LonghandMath = { exp, log, tanh, erf }.
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

  // erf's rational approximations, fdlibm's coefficients (s_erf.c), as Java's nn.Erf has them.
  var ERF = {
    erx: 8.45062911510467529297e-01, efx: 1.28379167095512586316e-01, efx8: 1.02703333676410069053e+00,
    pp: [1.28379167095512558561e-01, -3.25042107247001499370e-01, -2.84817495755985104766e-02,
      -5.77027029648944159157e-03, -2.37630166566501626084e-05],
    qq: [3.97917223959155352819e-01, 6.50222499887672944485e-02, 5.08130628187576562776e-03,
      1.32494738004321644526e-04, -3.96022827877536812320e-06],
    pa: [-2.36211856075265944077e-03, 4.14856118683748331666e-01, -3.72207876035701323847e-01,
      3.18346619901161753674e-01, -1.10894694282396677476e-01, 3.54783043256182359371e-02,
      -2.16637559486879084300e-03],
    qa: [1.06420880400844228286e-01, 5.40397917702171048937e-01, 7.18286544141962662868e-02,
      1.26171219808761642112e-01, 1.36370839120290507362e-02, 1.19844998467991074170e-02],
    ra: [-9.86494403484714822705e-03, -6.93858572707181764372e-01, -1.05586262253232909814e+01,
      -6.23753324503260060396e+01, -1.62396669462573470355e+02, -1.84605092906711035994e+02,
      -8.12874355063065934246e+01, -9.81432934416914548592e+00],
    sa: [1.96512716674392571292e+01, 1.37657754143519042600e+02, 4.34565877475229228821e+02,
      6.45387271733267880336e+02, 4.29008140027567833386e+02, 1.08635005541779435134e+02,
      6.57024977031928170135e+00, -6.04244152148580987438e-02],
    rb: [-9.86494292470009928597e-03, -7.99283237680523006574e-01, -1.77579549177547519889e+01,
      -1.60636384855821916062e+02, -6.37566443368389627722e+02, -1.02509513161107724954e+03,
      -4.83519191608651397019e+02],
    sb: [3.03380607434824582924e+01, 3.25792512996573918826e+02, 1.53672958608443695994e+03,
      3.19985821950859553908e+03, 2.55305040643316442583e+03, 4.74528541206955367215e+02,
      -2.24409524465858183362e+01]
  };

  /** The error function, step for step as Java's nn.Erf (fdlibm's s_erf.c) computes it. */
  function erf(x) {
    var hx = highWord(x);
    var ix = hx & 0x7fffffff;
    var c = ERF;
    if (ix >= 0x7ff00000) {                       // NaN stays NaN, ±∞ gives ±1
      return (1 - ((hx >>> 31) << 1)) + 1.0 / x;
    }
    var s;
    if (ix < 0x3feb0000) {                        // |x| < 0.84375
      if (ix < 0x3e300000) {                      // |x| < 2^−28
        if (ix < 0x00800000) {
          return 0.125 * (8.0 * x + c.efx8 * x);
        }
        return x + c.efx * x;
      }
      var z2 = x * x;
      var r0 = c.pp[0] + z2 * (c.pp[1] + z2 * (c.pp[2] + z2 * (c.pp[3] + z2 * c.pp[4])));
      s = 1.0 + z2 * (c.qq[0] + z2 * (c.qq[1] + z2 * (c.qq[2] + z2 * (c.qq[3] + z2 * c.qq[4]))));
      return x + x * (r0 / s);
    }
    if (ix < 0x3ff40000) {                        // 0.84375 ≤ |x| < 1.25
      s = Math.abs(x) - 1.0;
      var p = c.pa[0] + s * (c.pa[1] + s * (c.pa[2] + s * (c.pa[3] + s * (c.pa[4] + s * (c.pa[5] + s * c.pa[6])))));
      var q0 = 1.0 + s * (c.qa[0] + s * (c.qa[1] + s * (c.qa[2] + s * (c.qa[3] + s * (c.qa[4] + s * c.qa[5])))));
      return hx >= 0 ? c.erx + p / q0 : -c.erx - p / q0;
    }
    if (ix >= 0x40180000) {                       // |x| ≥ 6
      return hx >= 0 ? 1.0 - TINY : TINY - 1.0;
    }
    var ax = Math.abs(x);
    s = 1.0 / (ax * ax);
    var r;
    var q;
    if (ix < 0x4006DB6E) {                        // |x| < 1/0.35
      r = c.ra[0] + s * (c.ra[1] + s * (c.ra[2] + s * (c.ra[3] + s * (c.ra[4] + s * (c.ra[5] + s * (c.ra[6] + s * c.ra[7]))))));
      q = 1.0 + s * (c.sa[0] + s * (c.sa[1] + s * (c.sa[2] + s * (c.sa[3] + s * (c.sa[4] + s * (c.sa[5] + s * (c.sa[6]
        + s * c.sa[7])))))));
    } else {                                      // 1/0.35 ≤ |x| < 6
      r = c.rb[0] + s * (c.rb[1] + s * (c.rb[2] + s * (c.rb[3] + s * (c.rb[4] + s * (c.rb[5] + s * c.rb[6])))));
      q = 1.0 + s * (c.sb[0] + s * (c.sb[1] + s * (c.sb[2] + s * (c.sb[3] + s * (c.sb[4] + s * (c.sb[5] + s * c.sb[6]))))));
    }
    // exp(−x² − 0.5625 + r/q) in two factors: z, |x| with its low word cleared, makes z·z exact.
    WORDS[0] = ax;
    WORD[LO] = 0;
    var z = WORDS[0];
    var e = exp(-z * z - 0.5625) * exp((z - ax) * (z + ax) + r / q);
    return hx >= 0 ? 1.0 - e / ax : e / ax - 1.0;
  }

  window.LonghandMath = { exp: exp, log: log, tanh: tanh, erf: erf };
})();
