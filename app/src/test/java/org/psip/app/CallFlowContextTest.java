package org.psip.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.support.SimpleRegistry;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psip.api.Authenticator;
import org.psip.app.test.SipCaller;
import org.psip.app.test.WebhookServer;
import org.psip.plugin.acl.cidr.CidrAccessControl;
import org.psip.plugin.auth.digest.DigestAuthenticator;
import org.psip.plugin.auth.digest.ThrottleSettings;
import org.psip.plugin.directory.file.FileDomainDirectory;
import org.psip.routes.CallFlowContext;
import org.psip.sip.test.SipText;
import org.psip.sip.test.Sipp;
import org.psip.sip.test.SippScenarios;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The call flow as Karaf runs it, without OSGi: {@link CallFlowContext} with the
 * bundled route, the plugins from a bean repository of the container's, the settings
 * as {@code psip.*} keys. The authenticate step with plugins that fail, whether they throw or
 * their answer completes exceptionally later in another thread: the caller gets 500 with a
 * Reason, never a hung call; and with a plugin that only decides synchronously.
 */
class CallFlowContextTest {

    private static final String DIRECTORY = """
            gateway:
              base_host: example.com
              home_region: us
              nonce_secret: context-test-secret
              regions:
                us: { label: sip-us }
            applications:
              down:
                answer_url: ${webhook}/answer
            domains:
              acme:
                application: down
                acl: [ 127.0.0.1/32 ]
                users:
                  alice: { password: secret }
            """;

    private final int port = AvailablePortFinder.getNextAvailable();
    private final WebhookServer application = new WebhookServer().answer("/answer", 503, "");
    private CamelContext context;
    private FileDomainDirectory directory;
    private final SimpleRegistry plugins = new SimpleRegistry();

    /** The field initializers start a real HTTP server, which may throw. */
    CallFlowContextTest() throws Exception {
    }

    @AfterEach
    void stop() {
        if (context != null) {
            context.stop();
        }
        if (directory != null) {
            directory.close();
        }
        application.close();
    }

    @Test
    void the_bundled_call_flow_runs_with_the_plugins_it_is_given(@TempDir Path dir) throws Exception {
        startWith(dir, new DigestAuthenticator("context-test-secret", Duration.ofMinutes(5),
                Clock.systemUTC(), ThrottleSettings.DEFAULT));

        Sipp.Result result = call(SippScenarios.authenticatedCall(480, null, ""));

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(application.next("/answer", Duration.ofSeconds(5))).isNotNull();
    }

    @Test
    void without_plugins_every_call_gets_503_not_an_exception() throws Exception {
        context = CallFlowContext.start(new SimpleRegistry(), settings());

        Sipp.Result result = call(SippScenarios.call(503, ""));

        assertThat(result.exitCode()).as(result.describe()).isZero();
    }

    @Test
    void an_authenticator_whose_answer_fails_later_gets_the_caller_500_with_a_reason(@TempDir Path dir)
            throws Exception {
        startWith(dir, new SynchronousAnswerIsWrong() {
            @Override
            public CompletionStage<Result> authenticateAsync(Request request) {
                return CompletableFuture.supplyAsync(() -> {
                    throw new IllegalStateException("the service client broke");
                }, CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS));
            }
        });

        SipText answer = invite();

        assertThat(answer.status()).as(answer.raw()).isEqualTo(500);
        assertThat(answer.header("Reason")).contains("authentication failed (IllegalStateException)");
    }

    @Test
    void an_authenticator_that_throws_gets_the_caller_500_with_a_reason(@TempDir Path dir) throws Exception {
        startWith(dir, new SynchronousAnswerIsWrong() {
            @Override
            public CompletionStage<Result> authenticateAsync(Request request) {
                throw new IllegalArgumentException("cannot even start");
            }
        });

        SipText answer = invite();

        assertThat(answer.status()).as(answer.raw()).isEqualTo(500);
        assertThat(answer.header("Reason")).contains("authentication failed (IllegalArgumentException)");
    }

    @Test
    void a_call_whose_authenticator_is_replaced_while_it_answers_is_asked_of_the_replacement(@TempDir Path dir)
            throws Exception {
        CompletableFuture<Authenticator.Result> held = new CompletableFuture<>();
        CountDownLatch asked = new CountDownLatch(1);
        startWith(dir, new SynchronousAnswerIsWrong() {
            @Override
            public CompletionStage<Result> authenticateAsync(Request request) {
                asked.countDown();
                return held;
            }
        });
        CompletableFuture<SipText> answer = CompletableFuture.supplyAsync(() -> {
            try {
                return invite();
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });
        assertThat(asked.await(10, TimeUnit.SECONDS)).isTrue();

        // a bundle update: the new plugin is in the registry, and the old one's classes are gone
        plugins.bind("auth", (Authenticator) request -> new Authenticator.Rejected(403, "asked the replacement", null));
        held.completeExceptionally(new NoClassDefFoundError("org/psip/plugin/auth/Gone"));

        SipText refused = answer.get(20, TimeUnit.SECONDS);
        assertThat(refused.status()).as(refused.raw()).isEqualTo(403);
        assertThat(refused.header("Reason")).contains("asked the replacement");
    }

    @Test
    void an_authenticator_that_only_decides_synchronously_still_decides(@TempDir Path dir) throws Exception {
        startWith(dir, request -> new Authenticator.Rejected(403, "not today", null));

        SipText answer = invite();

        assertThat(answer.status()).as(answer.raw()).isEqualTo(403);
        assertThat(answer.header("Reason")).contains("not today");
    }

    /** A plugin whose synchronous answer would let the caller in: the call flow must not use it. */
    private abstract static class SynchronousAnswerIsWrong implements Authenticator {
        @Override
        public Result authenticate(Request request) {
            return new Accepted("nobody");
        }
    }

    /** The call flow with the directory, CIDR ACLs and this authenticator. */
    private void startWith(Path dir, Authenticator authenticator) throws Exception {
        Path file = Files.writeString(dir.resolve("directory.yaml"), DIRECTORY.replace("${webhook}", application.url("")));
        directory = new FileDomainDirectory(file);
        plugins.bind("directory", directory);
        plugins.bind("acl", new CidrAccessControl());
        plugins.bind("auth", authenticator);
        context = CallFlowContext.start(plugins, settings());
    }

    /** An INVITE to acme without credentials, and its final answer. */
    private SipText invite() throws Exception {
        try (SipCaller caller = SipCaller.udp("127.0.0.1", port)) {
            return caller.invite("sip:1234@acme.sip.example.com");
        }
    }

    private Map<String, String> settings() {
        return Map.of("psip.sip.host", "127.0.0.1", "psip.sip.port", Integer.toString(port),
                "psip.sip.transports", "udp", "psip.sip.route-timeout", "10000");
    }

    private Sipp.Result call(String scenario) throws Exception {
        return Sipp.scenarioText(scenario, "127.0.0.1", port).key("domain", "acme.sip.example.com")
                .option("-s", "1234", "-au", "alice", "-ap", "secret").calls(1).run(Duration.ofSeconds(20));
    }
}
