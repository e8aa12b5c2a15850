package org.psip.routes;

import org.psip.routes.events.NotifyAnswer;
import org.psip.routes.ncco.InvalidNccoException;
import org.psip.routes.ncco.Ncco;
import org.psip.routes.ncco.NccoParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a notify's answer means for the call, as Vonage's NCCO reference has it: an NCCO
 * replaces the rest of the running one; an empty answer, or one that is not an NCCO,
 * lets the running one go on. A bad answer never ends a call: a failed request or an
 * invalid NCCO is logged, and the NCCO goes on with its next action.
 */
final class NotifyAnswerReader {

    private static final Logger LOG = LoggerFactory.getLogger("psip.calls");
    /** The same parser and validation as answer_url's NCCO (parseNcco). */
    private static final NccoParser PARSER = new NccoParser();

    private NotifyAnswerReader() {
    }

    /** The NCCO the answer carries, or null when the running NCCO goes on (each case logged). */
    static Ncco replacement(NotifyAnswer answer, String callUuid, String url) {
        if (!answer.answered()) {
            LOG.warn("{}: notify to {} {}; the NCCO goes on with its next action", callUuid, url, answer.failure());
            return null;
        }
        String body = answer.body().strip();
        if (!body.startsWith("[")) {
            LOG.debug("{}: notify to {} answered {}; the NCCO goes on", callUuid, url,
                    body.isEmpty() ? "with no body" : "with no NCCO");
            return null;
        }
        try {
            Ncco ncco = PARSER.parse(body);
            LOG.debug("{}: notify to {} answered an NCCO of {} action(s); it replaces the rest of the NCCO",
                    callUuid, url, ncco.actions().size());
            return ncco;
        } catch (InvalidNccoException e) {
            LOG.warn("{}: notify to {} answered an invalid NCCO ({}); the NCCO goes on with its next action",
                    callUuid, url, e.getMessage());
            return null;
        }
    }
}
