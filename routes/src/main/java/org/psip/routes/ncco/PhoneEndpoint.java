package org.psip.routes.ncco;

import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A phone number to call.
 *
 * @param number     the number in E.164 format
 * @param dtmfAnswer digits to send once the call is answered ({@code p} is a 500 ms pause); may be null
 * @param onAnswer   an NCCO to run on the called party before joining the calls; may be null
 * @param extras     fields this model does not know
 */
public record PhoneEndpoint(String number, String dtmfAnswer, OnAnswer onAnswer, Map<String, JsonNode> extras)
        implements Endpoint {

    public static final String TYPE = "phone";

    public PhoneEndpoint {
        Objects.requireNonNull(number, "number");
        extras = Immutables.orderedMap(extras);
    }

    @Override
    public String type() {
        return TYPE;
    }

    /**
     * What to run on the called party once it answers.
     *
     * @param url          where to fetch the NCCO to run
     * @param ringbackTone audio the caller hears meanwhile (also read from the older {@code ringback}); may be null
     * @param extras       fields this model does not know
     */
    public record OnAnswer(String url, String ringbackTone, Map<String, JsonNode> extras) {

        public OnAnswer {
            Objects.requireNonNull(url, "url");
            extras = Immutables.orderedMap(extras);
        }
    }
}
