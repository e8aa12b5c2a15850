package org.psip.plugin.auth.webhook.osgi;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.psip.api.Authenticator;
import org.psip.api.DomainDirectory;
import org.psip.plugin.auth.digest.DigestAuthenticator;
import org.psip.plugin.auth.digest.DirectoryNonceAuthenticator;
import org.psip.plugin.auth.digest.ThrottleSettings;
import org.psip.plugin.auth.webhook.WebhookSettings;
import org.psip.plugin.auth.webhook.WebhookVerifier;

/**
 * Webhook authentication as an OSGi service, chosen by {@code (psip.auth=webhook)}, ranked
 * above digest so that installing it switches the next calls to it. Configured by
 * {@code etc/org.psip.plugin.auth.webhook.cfg}.
 */
@Component(name = WebhookAuthenticatorService.PID, configurationPid = WebhookAuthenticatorService.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, service = Authenticator.class,
        property = {"psip.auth=webhook", "service.ranking:Integer=10"})
public class WebhookAuthenticatorService implements Authenticator {

    public static final String PID = "org.psip.plugin.auth.webhook";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile DomainDirectory directory;

    private Authenticator authenticator;

    @Activate
    void activate(Map<String, Object> configuration) {
        WebhookVerifier verifier = new WebhookVerifier(WebhookSettings.from(configuration));
        authenticator = new DirectoryNonceAuthenticator(
                DirectoryNonceAuthenticator.settingsOf(() -> directory), settings -> new DigestAuthenticator(
                settings.nonceSecret(), settings.nonceLifetime(), Clock.systemUTC(), ThrottleSettings.DEFAULT,
                DigestAuthenticator.DEFAULT_REPLAY_CACHE_CAPACITY, verifier));
    }

    @Override
    public Result authenticate(Request request) {
        return authenticator.authenticate(request);
    }

    @Override
    public CompletionStage<Result> authenticateAsync(Request request) {
        return authenticator.authenticateAsync(request);
    }
}
