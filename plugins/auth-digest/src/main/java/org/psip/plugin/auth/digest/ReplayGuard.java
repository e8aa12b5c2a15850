package org.psip.plugin.auth.digest;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Nonce-count replay protection (the nc parameter, RFC 7616 §3.4): for each (nonce, cnonce) it remembers
 * the highest nc accepted, and admits a request only with a greater one. A request that reuses an
 * accepted (nonce, cnonce, nc), or goes back to a lower nc, is a replay.
 *
 * <p><b>This cache is per node.</b> Nonces are valid on every node that shares the secret, but
 * what was accepted is known only where it was accepted: credentials captured on the wire and
 * replayed to another node within the nonce lifetime are not detected. A shorter nonce lifetime
 * narrows that window.
 *
 * <p>Memory is bounded twice: an entry lives only as long as its nonce (after that the nonce is
 * stale and no request with it gets this far), and the table holds at most {@code capacity}
 * entries. Only requests whose response already verified are recorded, so only callers who know
 * a password can fill it; when it is full psip refuses new entries rather than forget live ones,
 * which would reopen them to replay. The limit is approximate by the number of threads racing
 * past it at once. Lookups take no lock; one entry is locked only while its own nc advances.
 */
final class ReplayGuard {

    enum Outcome {
        FRESH,
        REPLAYED,
        FULL
    }

    private static final long SWEEP_INTERVAL_MILLIS = 5_000;

    private final ConcurrentHashMap<String, NonceCount> counts = new ConcurrentHashMap<>();
    private final SweepSchedule sweeps = new SweepSchedule(SWEEP_INTERVAL_MILLIS);
    private final int capacity;

    ReplayGuard(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("the replay cache needs room for at least one nonce: " + capacity);
        }
        this.capacity = capacity;
    }

    /**
     * Records nc for (nonce, cnonce) if it is greater than any accepted before.
     *
     * @param expiresAtMillis when the nonce expires, after which its entry may go
     */
    Outcome admit(String nonce, String cnonce, long nc, long expiresAtMillis, long nowMillis) {
        if (sweeps.claim(nowMillis)) {
            counts.values().removeIf(count -> count.expiresAtMillis < nowMillis);
        }
        // A valid nonce always has the same length, so the concatenation is unambiguous.
        String key = nonce.concat(cnonce);
        NonceCount count = counts.get(key);
        if (count == null) {
            if (counts.mappingCount() >= capacity) {
                return Outcome.FULL;
            }
            count = counts.computeIfAbsent(key, absent -> new NonceCount(expiresAtMillis));
        }
        return count.advanceTo(nc) ? Outcome.FRESH : Outcome.REPLAYED;
    }

    private static final class NonceCount {

        final long expiresAtMillis;
        private long highestAccepted;

        NonceCount(long expiresAtMillis) {
            this.expiresAtMillis = expiresAtMillis;
        }

        synchronized boolean advanceTo(long nc) {
            if (nc <= highestAccepted) {
                return false;
            }
            highestAccepted = nc;
            return true;
        }
    }
}
