package org.psip.plugin.auth.digest;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

import org.psip.api.Authenticator;
import org.psip.api.DomainDirectory;
import org.psip.api.GatewaySettings;

/**
 * A {@link DigestAuthenticator} on the directory's nonce secret and lifetime, built anew
 * when they change. Every digest-based plugin of a node (and every node) then signs
 * nonces alike, so a call challenged by one plugin is still accepted when another takes
 * its place before the caller answers.
 */
public final class DirectoryNonceAuthenticator implements Authenticator {

    private static final Duration NO_DIRECTORY_RETRY_AFTER = Duration.ofSeconds(30);

    private record Current(String secret, Duration lifetime, DigestAuthenticator authenticator) {
    }

    private final Supplier<GatewaySettings> settings;
    private final Function<GatewaySettings, DigestAuthenticator> factory;
    private volatile Current current;

    /**
     * @param settings the settings of the directory now in use, or null while there is none
     * @param factory  a DigestAuthenticator for these settings' secret and lifetime
     */
    public DirectoryNonceAuthenticator(Supplier<GatewaySettings> settings,
                                       Function<GatewaySettings, DigestAuthenticator> factory) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    /** The settings of this directory, or null without one: what the OSGi services pass. */
    public static Supplier<GatewaySettings> settingsOf(Supplier<DomainDirectory> directory) {
        return () -> {
            DomainDirectory now = directory.get();
            return now == null ? null : now.settings();
        };
    }

    @Override
    public Result authenticate(Request request) {
        return authenticateAsync(request).toCompletableFuture().join();
    }

    /** The current DigestAuthenticator's own stage: a verifier that asks a remote service is not waited for here. */
    @Override
    public CompletionStage<Result> authenticateAsync(Request request) {
        GatewaySettings now = settings.get();
        if (now == null) {
            return CompletableFuture.completedFuture(new Rejected(503,
                    "no domain directory to read the nonce secret from", NO_DIRECTORY_RETRY_AFTER));
        }
        return authenticator(now).authenticateAsync(request);
    }

    private DigestAuthenticator authenticator(GatewaySettings settings) {
        Current known = current;
        if (known == null || !known.secret().equals(settings.nonceSecret())
                || !known.lifetime().equals(settings.nonceLifetime())) {
            known = new Current(settings.nonceSecret(), settings.nonceLifetime(), factory.apply(settings));
            current = known;
        }
        return known.authenticator();
    }
}
