package org.psip.routes;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Call and conversation uuids: random (version 4) without SecureRandom's lock on the hot path. */
final class CallIds {

    private CallIds() {
    }

    static String newUuid() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = random.nextLong() & ~0xF000L | 0x4000L;          // version 4
        long low = random.nextLong() & 0x3FFFFFFFFFFFFFFFL | Long.MIN_VALUE; // IETF variant
        return new UUID(high, low).toString();
    }
}
