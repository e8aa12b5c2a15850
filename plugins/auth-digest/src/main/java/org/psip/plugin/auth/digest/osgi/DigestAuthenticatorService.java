package org.psip.plugin.auth.digest.osgi;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.psip.api.Authenticator;
import org.psip.plugin.auth.digest.DigestAuthenticator;
import org.psip.plugin.auth.digest.ThrottleSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link DigestAuthenticator} as an OSGi service, chosen by {@code (psip.auth=digest)}.
 * Configured by {@code etc/org.psip.plugin.auth.digest.cfg}: {@code nonce.secret} (the
 * same on every node; a random one for this node alone when empty) and
 * {@code nonce.lifetime} in seconds.
 */
@Component(name = DigestAuthenticatorService.PID, configurationPid = DigestAuthenticatorService.PID,
        service = Authenticator.class, property = "psip.auth=digest")
public class DigestAuthenticatorService implements Authenticator {

    public static final String PID = "org.psip.plugin.auth.digest";

    private static final Logger LOG = LoggerFactory.getLogger(DigestAuthenticatorService.class);

    private DigestAuthenticator authenticator;

    @Activate
    void activate(Map<String, Object> configuration) {
        String secret = String.valueOf(configuration.getOrDefault("nonce.secret", "")).trim();
        if (secret.isEmpty()) {
            LOG.warn("nonce.secret is not set in {}.cfg: nonces are signed with a random secret only this node knows", PID);
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            secret = HexFormat.of().formatHex(random);
        }
        Duration lifetime = Duration.ofSeconds(Long.parseLong(String.valueOf(
                configuration.getOrDefault("nonce.lifetime", "300")).trim()));
        authenticator = new DigestAuthenticator(secret, lifetime, Clock.systemUTC(), ThrottleSettings.DEFAULT);
    }

    @Override
    public Result authenticate(Request request) {
        return authenticator.authenticate(request);
    }
}
