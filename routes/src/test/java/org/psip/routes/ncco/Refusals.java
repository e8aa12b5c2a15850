package org.psip.routes.ncco;

import org.assertj.core.api.AbstractThrowableAssert;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Shorthands for the invalid-NCCO tests, whose JSON is written with ' for ". */
final class Refusals {

    static final String PHONE = "{'type':'phone','number':'447700900001'}";
    private static final NccoParser PARSER = new NccoParser();

    private Refusals() {
    }

    /** A connect action with the endpoints and further fields (each starting with a comma) given. */
    static String connect(String endpoints, String moreFields) {
        return "[{'action':'connect','endpoint':[" + endpoints + "]" + moreFields + "}]";
    }

    static AbstractThrowableAssert<?, ? extends Throwable> refusing(String singleQuotedJson) {
        return assertThatThrownBy(() -> PARSER.parse(singleQuotedJson.replace('\'', '"')))
                .isInstanceOf(InvalidNccoException.class);
    }
}
