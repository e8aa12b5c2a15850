package org.psip.routes.events;

/**
 * What the event publisher did since it was created.
 *
 * @param published events accepted for an event_url
 * @param delivered events event_url answered with 2xx
 * @param retried   failed attempts whose event waits to be tried again (refused, timeout, 408, 429, 5xx)
 * @param givenUp   events no longer tried: refused with another 4xx, out of attempts or age, or over the
 *                  in-memory limit
 * @param spooled   events written to the spool directory at a stop, undelivered
 * @param replayed  events read back from the spool directory at a start
 * @param pending   events waiting or in flight now
 */
public record CallEventStats(long published, long delivered, long retried, long givenUp, long spooled,
                             long replayed, int pending) {
}
