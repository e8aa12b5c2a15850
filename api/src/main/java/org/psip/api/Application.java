package org.psip.api;

import java.time.Duration;
import java.util.Objects;

/**
 * What a SIP domain or a virtual number points to: where to ask what a call does,
 * and where to report what happened.
 *
 * @param id                the application's name in the directory
 * @param answerUrl         the webhook that returns the call's NCCO; null when {@code ncco} is set
 * @param answerMethod      GET (query parameters) or POST (JSON body)
 * @param fallbackAnswerUrl asked when answerUrl fails (refused, timeout, 429, 5xx); may be null
 * @param eventUrl          where call events go; may be null
 * @param eventMethod       how call events are sent
 * @param connectTimeout    connect timeout for the webhooks
 * @param readTimeout       read timeout for the webhooks
 * @param ncco              an inline NCCO (JSON array) used instead of answerUrl; may be null
 */
public record Application(String id, String answerUrl, HttpMethod answerMethod, String fallbackAnswerUrl,
                          String eventUrl, HttpMethod eventMethod, Duration connectTimeout, Duration readTimeout,
                          String ncco) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(1);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(3);

    public Application {
        Objects.requireNonNull(id, "id");
        if (answerUrl == null && ncco == null) {
            throw new IllegalArgumentException("application " + id + " needs an answer_url or an inline ncco");
        }
        answerMethod = answerMethod == null ? HttpMethod.GET : answerMethod;
        eventMethod = eventMethod == null ? HttpMethod.POST : eventMethod;
        connectTimeout = connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
        readTimeout = readTimeout == null ? DEFAULT_READ_TIMEOUT : readTimeout;
    }
}
