package org.psip.routes.ncco;

import java.math.BigDecimal;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Numbers in an NCCO: JSON numbers, or numeric strings as a published example sends them
 * ({@code "timeout": "45"}).
 */
final class JsonNumbers {

    /** Longer numeric strings are refused before parsing: BigDecimal's cost grows with the digits. */
    private static final int MAX_NUMERIC_STRING = 32;

    private JsonNumbers() {
    }

    static int whole(JsonNode value, int min, int max, JsonFields.ProblemAt problemAt) {
        BigDecimal number = number(value, problemAt);
        if (number.signum() != 0 && number.stripTrailingZeros().scale() > 0) {
            throw problemAt.invalid("must be a whole number");
        }
        checkRange(number, BigDecimal.valueOf(min), BigDecimal.valueOf(max), problemAt);
        return number.intValueExact();
    }

    static double decimal(JsonNode value, double min, double max, JsonFields.ProblemAt problemAt) {
        BigDecimal number = number(value, problemAt);
        checkRange(number, BigDecimal.valueOf(min), BigDecimal.valueOf(max), problemAt);
        return number.doubleValue();
    }

    private static BigDecimal number(JsonNode value, JsonFields.ProblemAt problemAt) {
        if (value.isNumber()) {
            if (value.isFloatingPointNumber() && !Double.isFinite(value.doubleValue())) {
                throw problemAt.invalid("must be a number");
            }
            return value.decimalValue();
        }
        String text = value.isTextual() ? value.textValue().trim() : "";
        if (text.isEmpty() || text.length() > MAX_NUMERIC_STRING) {
            throw problemAt.invalid("must be a number");
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw problemAt.invalid("must be a number");
        }
    }

    private static void checkRange(BigDecimal number, BigDecimal min, BigDecimal max,
                                   JsonFields.ProblemAt problemAt) {
        if (number.compareTo(min) < 0 || number.compareTo(max) > 0) {
            throw problemAt.invalid("must be between " + plain(min) + " and " + plain(max));
        }
    }

    private static String plain(BigDecimal bound) {
        return bound.stripTrailingZeros().toPlainString();
    }
}
