package dev.longhand.nn;

/**
 * The error function, which GELU needs and Java does not have. It follows fdlibm's s_erf.c
 * step for step (rational approximations on |x| < 0.84375, below 1.25, below 1/0.35 and
 * below 6; ±1 beyond), with StrictMath's exp, so that the page script, which carries the same
 * steps on its own fdlibm exp, gets the same bits. Its results agree with C's erf (glibc's
 * is fdlibm's too) on the values the tests check.
 */
public final class Erf {

    private static final double TINY = 1e-300;
    /** erf(1) rounded to single precision: the centre of the second interval. */
    private static final double ERX = 8.45062911510467529297e-01;
    private static final double EFX = 1.28379167095512586316e-01;
    private static final double EFX8 = 1.02703333676410069053e+00;
    private static final double[] PP = {1.28379167095512558561e-01, -3.25042107247001499370e-01,
            -2.84817495755985104766e-02, -5.77027029648944159157e-03, -2.37630166566501626084e-05};
    private static final double[] QQ = {3.97917223959155352819e-01, 6.50222499887672944485e-02,
            5.08130628187576562776e-03, 1.32494738004321644526e-04, -3.96022827877536812320e-06};
    private static final double[] PA = {-2.36211856075265944077e-03, 4.14856118683748331666e-01,
            -3.72207876035701323847e-01, 3.18346619901161753674e-01, -1.10894694282396677476e-01,
            3.54783043256182359371e-02, -2.16637559486879084300e-03};
    private static final double[] QA = {1.06420880400844228286e-01, 5.40397917702171048937e-01,
            7.18286544141962662868e-02, 1.26171219808761642112e-01, 1.36370839120290507362e-02,
            1.19844998467991074170e-02};
    private static final double[] RA = {-9.86494403484714822705e-03, -6.93858572707181764372e-01,
            -1.05586262253232909814e+01, -6.23753324503260060396e+01, -1.62396669462573470355e+02,
            -1.84605092906711035994e+02, -8.12874355063065934246e+01, -9.81432934416914548592e+00};
    private static final double[] SA = {1.96512716674392571292e+01, 1.37657754143519042600e+02,
            4.34565877475229228821e+02, 6.45387271733267880336e+02, 4.29008140027567833386e+02,
            1.08635005541779435134e+02, 6.57024977031928170135e+00, -6.04244152148580987438e-02};
    private static final double[] RB = {-9.86494292470009928597e-03, -7.99283237680523006574e-01,
            -1.77579549177547519889e+01, -1.60636384855821916062e+02, -6.37566443368389627722e+02,
            -1.02509513161107724954e+03, -4.83519191608651397019e+02};
    private static final double[] SB = {3.03380607434824582924e+01, 3.25792512996573918826e+02,
            1.53672958608443695994e+03, 3.19985821950859553908e+03, 2.55305040643316442583e+03,
            4.74528541206955367215e+02, -2.24409524465858183362e+01};

    private Erf() {
    }

    public static double erf(double x) {
        long bits = Double.doubleToRawLongBits(x);
        int hx = (int) (bits >>> 32);
        int ix = hx & 0x7fffffff;
        if (ix >= 0x7ff00000) {                       // erf(NaN) is NaN, erf(±∞) = ±1
            int sign = hx >>> 31;
            return (double) (1 - (sign << 1)) + 1.0 / x;
        }
        if (ix < 0x3feb0000) {                        // |x| < 0.84375
            if (ix < 0x3e300000) {                    // |x| < 2^−28
                if (ix < 0x00800000) {                // avoids underflow
                    return 0.125 * (8.0 * x + EFX8 * x);
                }
                return x + EFX * x;
            }
            double z = x * x;
            double r = PP[0] + z * (PP[1] + z * (PP[2] + z * (PP[3] + z * PP[4])));
            double s = 1.0 + z * (QQ[0] + z * (QQ[1] + z * (QQ[2] + z * (QQ[3] + z * QQ[4]))));
            return x + x * (r / s);
        }
        if (ix < 0x3ff40000) {                        // 0.84375 ≤ |x| < 1.25
            double s = Math.abs(x) - 1.0;
            double p = PA[0] + s * (PA[1] + s * (PA[2] + s * (PA[3] + s * (PA[4] + s * (PA[5] + s * PA[6])))));
            double q = 1.0 + s * (QA[0] + s * (QA[1] + s * (QA[2] + s * (QA[3] + s * (QA[4] + s * QA[5])))));
            return hx >= 0 ? ERX + p / q : -ERX - p / q;
        }
        if (ix >= 0x40180000) {                       // |x| ≥ 6
            return hx >= 0 ? 1.0 - TINY : TINY - 1.0;
        }
        double ax = Math.abs(x);
        double s = 1.0 / (ax * ax);
        double r;
        double q;
        if (ix < 0x4006DB6E) {                        // |x| < 1/0.35
            r = RA[0] + s * (RA[1] + s * (RA[2] + s * (RA[3] + s * (RA[4] + s * (RA[5] + s * (RA[6] + s * RA[7]))))));
            q = 1.0 + s * (SA[0] + s * (SA[1] + s * (SA[2] + s * (SA[3] + s * (SA[4] + s * (SA[5] + s * (SA[6]
                    + s * SA[7])))))));
        } else {                                      // 1/0.35 ≤ |x| < 6
            r = RB[0] + s * (RB[1] + s * (RB[2] + s * (RB[3] + s * (RB[4] + s * (RB[5] + s * RB[6])))));
            q = 1.0 + s * (SB[0] + s * (SB[1] + s * (SB[2] + s * (SB[3] + s * (SB[4] + s * (SB[5] + s * SB[6]))))));
        }
        // exp(−x² − 0.5625 + r/q) in two factors: z, |x| with its low word cleared, makes z·z exact.
        double z = Double.longBitsToDouble(Double.doubleToRawLongBits(ax) & 0xffffffff00000000L);
        double e = StrictMath.exp(-z * z - 0.5625) * StrictMath.exp((z - ax) * (z + ax) + r / q);
        return hx >= 0 ? 1.0 - e / ax : e / ax - 1.0;
    }
}
