package org.psip.plugin.auth.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.psip.plugin.auth.digest.ReplayGuard.Outcome.FRESH;
import static org.psip.plugin.auth.digest.ReplayGuard.Outcome.FULL;
import static org.psip.plugin.auth.digest.ReplayGuard.Outcome.REPLAYED;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ReplayGuardTest {

    private static final long NOW = 1_000_000L;
    private static final long EXPIRES = NOW + 300_000L;

    private final ReplayGuard guard = new ReplayGuard(100);

    @Test
    void same_nonce_count_twice_is_a_replay() {
        assertThat(guard.admit("nonce", "cnonce", 1, EXPIRES, NOW)).isEqualTo(FRESH);
        assertThat(guard.admit("nonce", "cnonce", 1, EXPIRES, NOW)).isEqualTo(REPLAYED);
    }

    @Test
    void only_a_greater_nonce_count_is_fresh() {
        assertThat(guard.admit("nonce", "cnonce", 5, EXPIRES, NOW)).isEqualTo(FRESH);
        assertThat(guard.admit("nonce", "cnonce", 3, EXPIRES, NOW)).isEqualTo(REPLAYED);
        assertThat(guard.admit("nonce", "cnonce", 6, EXPIRES, NOW)).isEqualTo(FRESH);
    }

    @Test
    void each_cnonce_and_each_nonce_keeps_its_own_count() {
        assertThat(guard.admit("nonce", "first", 1, EXPIRES, NOW)).isEqualTo(FRESH);
        assertThat(guard.admit("nonce", "second", 1, EXPIRES, NOW)).isEqualTo(FRESH);
        assertThat(guard.admit("other nonce", "first", 1, EXPIRES, NOW)).isEqualTo(FRESH);
    }

    @Test
    void full_cache_refuses_new_nonces_but_keeps_counting_known_ones() {
        ReplayGuard small = new ReplayGuard(2);
        small.admit("n1", "c", 1, EXPIRES, NOW);
        small.admit("n2", "c", 1, EXPIRES, NOW);

        assertThat(small.admit("n3", "c", 1, EXPIRES, NOW)).isEqualTo(FULL);
        assertThat(small.admit("n1", "c", 2, EXPIRES, NOW)).isEqualTo(FRESH);
        assertThat(small.admit("n1", "c", 2, EXPIRES, NOW)).isEqualTo(REPLAYED);
    }

    @Test
    void entries_go_once_their_nonce_expired_making_room_for_new_ones() {
        ReplayGuard small = new ReplayGuard(1);
        small.admit("n1", "c", 1, NOW + 1_000, NOW);

        assertThat(small.admit("n2", "c", 1, EXPIRES, NOW + 500)).isEqualTo(FULL);
        assertThat(small.admit("n2", "c", 1, EXPIRES, NOW + 10_000)).isEqualTo(FRESH);
    }

    @Test
    void of_many_threads_sending_the_same_nonce_count_at_once_exactly_one_is_fresh() throws Exception {
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ReplayGuard.Outcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<ReplayGuard.Outcome> admit = () -> {
                    start.await();
                    return guard.admit("nonce", "cnonce", 1, EXPIRES, NOW);
                };
                outcomes.add(pool.submit(admit));
            }
            start.countDown();
            List<ReplayGuard.Outcome> results = new ArrayList<>();
            for (Future<ReplayGuard.Outcome> outcome : outcomes) {
                results.add(outcome.get());
            }

            assertThat(results).containsOnlyOnce(FRESH).containsOnly(FRESH, REPLAYED);
        } finally {
            pool.shutdownNow();
        }
    }
}
