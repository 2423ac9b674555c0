package dev.longhand.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ScalarsTest {

    @Test
    void readsTheNumbersAnAuthorWrites() {
        assertEquals(OptionalDouble.of(3), Scalars.number("3"));
        assertEquals(OptionalDouble.of(-0.25), Scalars.number("-0.25"));
        assertEquals(OptionalDouble.of(2), Scalars.number("+2"));
        assertEquals(OptionalDouble.of(0.5), Scalars.number(".5"));
        assertEquals(OptionalDouble.of(5), Scalars.number("5."));
        assertEquals(OptionalDouble.of(0.001), Scalars.number("1e-3"));
        assertEquals(OptionalDouble.of(150), Scalars.number("1.5E2"));
    }

    @Test
    void refusesOtherYamlNumberSpellings() {
        assertEquals(OptionalDouble.empty(), Scalars.number("0x1F"));
        assertEquals(OptionalDouble.empty(), Scalars.number("0o17"));
        assertEquals(OptionalDouble.empty(), Scalars.number("1_000"));
        assertEquals(OptionalDouble.empty(), Scalars.number("Infinity"));
    }

    @Test
    void refusesNonFiniteNumbers() {
        assertEquals(OptionalDouble.empty(), Scalars.number(".inf"));
        assertEquals(OptionalDouble.empty(), Scalars.number("-.inf"));
        assertEquals(OptionalDouble.empty(), Scalars.number(".nan"));
        assertEquals(OptionalDouble.empty(), Scalars.number("1e999"));
    }

    @Test
    void refusesTextThatIsNotANumber() {
        for (String text : new String[] {"", "-", ".", "e5", "1e", "1e+", "1.2.3", " 1", "1 ", "one", "--1"}) {
            assertEquals(OptionalDouble.empty(), Scalars.number(text), "'" + text + "'");
        }
    }

    @Test
    void aTinyNumberRoundsToZeroRatherThanFailing() {
        assertEquals(OptionalDouble.of(0), Scalars.number("1e-999"));
    }

    @Test
    void recognisesYamlInfinityAndNotANumberAndOverflow() {
        for (String text : new String[] {".inf", "-.inf", "+.Inf", ".INF", ".nan", ".NaN", "1e999", "-1e999"}) {
            assertTrue(Scalars.isNonFinite(text), text);
        }
        for (String text : new String[] {"3", "1e308", "inf", "nan", "Infinity", "one"}) {
            assertFalse(Scalars.isNonFinite(text), text);
        }
    }
}
