package org.psip.plugin.auth.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.psip.plugin.auth.digest.NonceSigner.Status;

class NonceSignerTest {

    private static final String REALM = "acme.sip.example.com";
    private static final long NOW = 1_750_000_000_000L;
    private static final long LIFETIME = Duration.ofMinutes(5).toMillis();

    private final NonceSigner signer = new NonceSigner("secret", Duration.ofMillis(LIFETIME));

    @Test
    void nonce_is_base64url_without_padding() {
        assertThat(signer.issue(REALM, NOW)).matches("[A-Za-z0-9_-]{64}");
    }

    @Test
    void nonces_issued_in_the_same_millisecond_differ() {
        assertThat(signer.issue(REALM, NOW)).isNotEqualTo(signer.issue(REALM, NOW));
    }

    @Test
    void nonce_is_valid_for_its_lifetime_and_expired_after() {
        String nonce = signer.issue(REALM, NOW);

        assertThat(signer.check(nonce, REALM, NOW)).isEqualTo(new NonceSigner.Check(Status.VALID, NOW + LIFETIME));
        assertThat(signer.check(nonce, REALM, NOW + LIFETIME).status()).isEqualTo(Status.VALID);
        assertThat(signer.check(nonce, REALM, NOW + LIFETIME + 1).status()).isEqualTo(Status.EXPIRED);
    }

    @Test
    void any_node_with_the_same_secret_validates_the_nonce() {
        String nonce = signer.issue(REALM, NOW);

        NonceSigner otherNode = new NonceSigner("secret", Duration.ofMillis(LIFETIME));

        assertThat(otherNode.check(nonce, REALM, NOW + 1000).status()).isEqualTo(Status.VALID);
    }

    @Test
    void nonce_signed_with_another_secret_is_forged() {
        String nonce = new NonceSigner("another secret", Duration.ofMillis(LIFETIME)).issue(REALM, NOW);

        assertThat(signer.check(nonce, REALM, NOW).status()).isEqualTo(Status.FORGED);
    }

    @Test
    void nonce_issued_for_another_realm_is_forged() {
        String nonce = signer.issue("other.sip.example.com", NOW);

        assertThat(signer.check(nonce, REALM, NOW).status()).isEqualTo(Status.FORGED);
    }

    @Test
    void changing_any_character_of_a_nonce_makes_it_forged() {
        String nonce = signer.issue(REALM, NOW);

        for (int i = 0; i < nonce.length(); i++) {
            char replacement = nonce.charAt(i) == 'A' ? 'B' : 'A';
            String tampered = nonce.substring(0, i) + replacement + nonce.substring(i + 1);
            assertThat(signer.check(tampered, REALM, NOW).status()).as("changed at %d", i).isEqualTo(Status.FORGED);
        }
    }

    @Test
    void nonce_stamped_ahead_by_another_nodes_clock_is_valid_within_one_lifetime() {
        String fromTheFuture = signer.issue(REALM, NOW + LIFETIME);
        String tooFarAhead = signer.issue(REALM, NOW + LIFETIME + 1);

        assertThat(signer.check(fromTheFuture, REALM, NOW).status()).isEqualTo(Status.VALID);
        assertThat(signer.check(tooFarAhead, REALM, NOW).status()).isEqualTo(Status.EXPIRED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "dcd98b7102dd2f0e8b11d0f600bfb0c093", "not base64 at all, though it is as long as one",
        "****************************************************************",
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        // the right length, but padding makes it decode to fewer bytes than a nonce has
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==",
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="})
    void strings_that_psip_did_not_issue_are_forged(String nonce) {
        assertThat(signer.check(nonce, REALM, NOW).status()).isEqualTo(Status.FORGED);
    }

    @Test
    void empty_secret_and_non_positive_lifetime_are_refused() {
        assertThatThrownBy(() -> new NonceSigner("", Duration.ofMinutes(5))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NonceSigner("s", Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
