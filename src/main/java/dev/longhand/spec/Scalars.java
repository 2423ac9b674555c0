package dev.longhand.spec;

import java.util.OptionalDouble;

/**
 * Numbers as an author writes them in YAML: {@code 3}, {@code -0.25}, {@code 1e-3},
 * {@code .5}. Hexadecimal, octal, underscores and YAML's {@code .inf}/{@code .nan} are not
 * numbers a worksheet can show, so they are refused with the rest of the non-numbers.
 */
final class Scalars {

    private Scalars() {
    }

    static OptionalDouble number(String text) {
        if (!isDecimal(text)) {
            return OptionalDouble.empty();
        }
        double value = Double.parseDouble(text);
        return Double.isFinite(value) ? OptionalDouble.of(value) : OptionalDouble.empty();
    }

    /** True for YAML's spellings of infinity and not-a-number, which get their own message. */
    static boolean isNonFinite(String text) {
        String t = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
        if (t.equalsIgnoreCase(".inf") || t.equalsIgnoreCase(".nan")) {
            return true;
        }
        return isDecimal(text) && !Double.isFinite(Double.parseDouble(text));
    }

    /** sign? (digits ('.' digits?)? | '.' digits) (('e'|'E') sign? digits)? */
    static boolean isDecimal(String s) {
        int i = 0;
        int n = s.length();
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int intDigits = 0;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
            intDigits++;
        }
        int fracDigits = 0;
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                fracDigits++;
            }
        }
        if (intDigits + fracDigits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int expDigits = 0;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                expDigits++;
            }
            if (expDigits == 0) {
                return false;
            }
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
