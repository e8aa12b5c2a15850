package org.psip.routes.events;

/**
 * What came of a {@link NotifyRequest}: the body of the application's 2xx answer, or why
 * there is none (refused, timed out, a non-2xx status, a body too long).
 *
 * @param body    the answer's body, empty when it had none; null when it failed
 * @param failure why there is no answer, in words for a log line; null when it came
 */
public record NotifyAnswer(String body, String failure) {

    public static NotifyAnswer answered(String body) {
        return new NotifyAnswer(body == null ? "" : body, null);
    }

    public static NotifyAnswer failed(String failure) {
        return new NotifyAnswer(null, failure);
    }

    public boolean answered() {
        return failure == null;
    }
}
