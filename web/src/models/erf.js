// erf(x): a port of FreeBSD/fdlibm s_erf.c (Sun Microsystems, 1993; "Permission
// to use, copy, modify, and distribute this software is freely granted,
// provided that this notice is preserved."), the algorithm behind glibc's
// erf that Python's math.erf calls. Error below 1 ulp.
const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
const LITTLE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const HI = LITTLE ? 1 : 0;
const LO = LITTLE ? 0 : 1;

const tiny = 1e-300;
const erx = 8.45062911510467529297e-01;
const efx = 1.28379167095512586316e-01;
const efx8 = 1.02703333676410069053e+00;
const pp0 = 1.28379167095512558561e-01, pp1 = -3.25042107247001499370e-01,
  pp2 = -2.84817495755985104766e-02, pp3 = -5.77027029648944159157e-03,
  pp4 = -2.37630166566501626084e-05;
const qq1 = 3.97917223959155352819e-01, qq2 = 6.50222499887672944485e-02,
  qq3 = 5.08130628187576562776e-03, qq4 = 1.32494738004321644526e-04,
  qq5 = -3.96022827877536812320e-06;
const pa0 = -2.36211856075265944077e-03, pa1 = 4.14856118683748331666e-01,
  pa2 = -3.72207876035701323847e-01, pa3 = 3.18346619901161753674e-01,
  pa4 = -1.10894694282396677476e-01, pa5 = 3.54783043256182359371e-02,
  pa6 = -2.16637559486879084300e-03;
const qa1 = 1.06420880400844228286e-01, qa2 = 5.40397917702171048937e-01,
  qa3 = 7.18286544141962662868e-02, qa4 = 1.26171219808761642112e-01,
  qa5 = 1.36370839120290507362e-02, qa6 = 1.19844998467991074170e-02;
const ra0 = -9.86494403484714822705e-03, ra1 = -6.93858572707181764372e-01,
  ra2 = -1.05586262253232909814e+01, ra3 = -6.23753324503260060396e+01,
  ra4 = -1.62396669462573470355e+02, ra5 = -1.84605092906711035994e+02,
  ra6 = -8.12874355063065934246e+01, ra7 = -9.81432934416914548592e+00;
const sa1 = 1.96512716674392571292e+01, sa2 = 1.37657754143519042600e+02,
  sa3 = 4.34565877475229228821e+02, sa4 = 6.45387271733267880336e+02,
  sa5 = 4.29008140027567833386e+02, sa6 = 1.08635005541779435134e+02,
  sa7 = 6.57024977031928170135e+00, sa8 = -6.04244152148580987438e-02;
const rb0 = -9.86494292470009928597e-03, rb1 = -7.99283237680523006574e-01,
  rb2 = -1.77579549177547519889e+01, rb3 = -1.60636384855821916062e+02,
  rb4 = -6.37566443368389627722e+02, rb5 = -1.02509513161107724954e+03,
  rb6 = -4.83519191608651397019e+02;
const sb1 = 3.03380607434824582924e+01, sb2 = 3.25792512996573918826e+02,
  sb3 = 1.53672958608443695994e+03, sb4 = 3.19985821950859553908e+03,
  sb5 = 2.55305040643316442583e+03, sb6 = 4.74528541206955367215e+02,
  sb7 = -2.24409524465858183362e+01;

export function erf(x) {
  F64[0] = x;
  const hx = U32[HI] | 0;
  const ix = hx & 0x7fffffff;
  if (ix >= 0x7ff00000) { // erf(nan) = nan, erf(+-inf) = +-1
    return (1 - ((hx >>> 31) << 1)) + 1 / x;
  }
  if (ix < 0x3feb0000) { // |x| < 0.84375
    if (ix < 0x3e300000) { // |x| < 2**-28
      if (ix < 0x00800000) return 0.125 * (8.0 * x + efx8 * x);
      return x + efx * x;
    }
    const z = x * x;
    const r1 = pp0 + z * pp1, z2 = z * z;
    const r2 = pp2 + z * pp3, z4 = z2 * z2;
    const s1 = 1 + z * qq1;
    const s2 = qq2 + z * qq3;
    const s3 = qq4 + z * qq5;
    const r = r1 + z2 * r2 + z4 * pp4;
    const s = s1 + z2 * s2 + z4 * s3;
    return x + x * (r / s);
  }
  if (ix < 0x3ff40000) { // 0.84375 <= |x| < 1.25
    const s = Math.abs(x) - 1;
    const s2 = s * s, s4 = s2 * s2, s6 = s4 * s2;
    const P = (pa0 + s * pa1) + s2 * (pa2 + s * pa3) + s4 * (pa4 + s * pa5) + s6 * pa6;
    const Q = (1 + s * qa1) + s2 * (qa2 + s * qa3) + s4 * (qa4 + s * qa5) + s6 * qa6;
    return hx >= 0 ? erx + P / Q : -erx - P / Q;
  }
  if (ix >= 0x40180000) return hx >= 0 ? 1 - tiny : tiny - 1; // |x| >= 6
  const ax = Math.abs(x);
  const s = 1 / (ax * ax);
  let R, S;
  if (ix < 0x4006db6e) { // |x| < 1/0.35
    const s2 = s * s, s4 = s2 * s2, s6 = s4 * s2, s8 = s4 * s4;
    R = (ra0 + s * ra1) + s2 * (ra2 + s * ra3) + s4 * (ra4 + s * ra5) + s6 * (ra6 + s * ra7);
    S = (1 + s * sa1) + s2 * (sa2 + s * sa3) + s4 * (sa4 + s * sa5) + s6 * (sa6 + s * sa7) +
      s8 * sa8;
  } else { // |x| >= 1/0.35
    const s2 = s * s, s4 = s2 * s2, s6 = s4 * s2;
    R = (rb0 + s * rb1) + s2 * (rb2 + s * rb3) + s4 * (rb4 + s * rb5) + s6 * rb6;
    S = (1 + s * sb1) + s2 * (sb2 + s * sb3) + s4 * (sb4 + s * sb5) + s6 * (sb6 + s * sb7);
  }
  F64[0] = ax;
  U32[LO] = 0;
  const z = F64[0];
  const r = Math.exp(-z * z - 0.5625) * Math.exp((z - ax) * (z + ax) + R / S);
  return hx >= 0 ? 1 - r / ax : r / ax - 1;
}
