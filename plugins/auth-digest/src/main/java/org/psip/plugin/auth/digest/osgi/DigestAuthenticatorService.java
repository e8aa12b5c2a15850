package org.psip.plugin.auth.digest.osgi;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.psip.api.Authenticator;
import org.psip.api.DomainDirectory;
import org.psip.plugin.auth.digest.DigestAuthenticator;
import org.psip.plugin.auth.digest.DirectoryNonceAuthenticator;
import org.psip.plugin.auth.digest.ThrottleSettings;

/**
 * {@link DigestAuthenticator} as an OSGi service, chosen by {@code (psip.auth=digest)}.
 * Nonces are signed with the directory's secret ({@code gateway.nonce_secret}); the
 * failure throttle is set in {@code etc/org.psip.plugin.auth.digest.cfg}.
 */
@Component(name = DigestAuthenticatorService.PID, configurationPid = DigestAuthenticatorService.PID,
        service = Authenticator.class, property = "psip.auth=digest")
public class DigestAuthenticatorService implements Authenticator {

    public static final String PID = "org.psip.plugin.auth.digest";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile DomainDirectory directory;

    private Authenticator authenticator;

    @Activate
    void activate(Map<String, Object> configuration) {
        ThrottleSettings throttle = throttle(configuration);
        authenticator = new DirectoryNonceAuthenticator(
                DirectoryNonceAuthenticator.settingsOf(() -> directory), settings -> new DigestAuthenticator(
                settings.nonceSecret(), settings.nonceLifetime(), Clock.systemUTC(), throttle));
    }

    @Override
    public Result authenticate(Request request) {
        return authenticator.authenticate(request);
    }

    @Override
    public CompletionStage<Result> authenticateAsync(Request request) {
        return authenticator.authenticateAsync(request);
    }

    static ThrottleSettings throttle(Map<String, Object> configuration) {
        ThrottleSettings defaults = ThrottleSettings.DEFAULT;
        return new ThrottleSettings(
                number(configuration, "throttle.failures-allowed", defaults.failuresAllowed()),
                Duration.ofSeconds(number(configuration, "throttle.window", (int) defaults.window().toSeconds())),
                number(configuration, "throttle.max-tracked-sources", defaults.maxTrackedSources()));
    }

    private static int number(Map<String, Object> configuration, String key, int defaultValue) {
        Object value = configuration.get(key);
        return value == null || value.toString().isBlank() ? defaultValue : Integer.parseInt(value.toString().trim());
    }
}
