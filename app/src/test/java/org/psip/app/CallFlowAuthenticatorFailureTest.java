package org.psip.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
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
import org.psip.plugin.directory.file.FileDomainDirectory;
import org.psip.routes.CallFlowContext;
import org.psip.sip.test.SipText;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the authenticate step makes of an Authenticator plugin that fails, whether it throws
 * or its answer completes exceptionally later in another thread: the caller gets 500 with a
 * Reason, never a hung call. And a plugin that only decides synchronously still decides.
 */
class CallFlowAuthenticatorFailureTest {

    private static final String DIRECTORY = """
            gateway:
              base_host: example.com
              home_region: us
              nonce_secret: failure-test-secret
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
    private static final String ACME = "sip:1234@acme.sip.example.com";

    private final int port = AvailablePortFinder.getNextAvailable();
    private final WebhookServer application = new WebhookServer().answer("/answer", 503, "");
    private CamelContext context;
    private FileDomainDirectory directory;

    /** The field initializers start a real HTTP server, which may throw. */
    CallFlowAuthenticatorFailureTest() throws Exception {
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
    void an_answer_that_fails_later_gets_the_caller_500_with_a_reason(@TempDir Path dir) throws Exception {
        start(dir, new SynchronousAnswerIsWrong() {
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
    void a_plugin_that_throws_gets_the_caller_500_with_a_reason(@TempDir Path dir) throws Exception {
        start(dir, new SynchronousAnswerIsWrong() {
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
    void a_plugin_that_only_decides_synchronously_still_decides(@TempDir Path dir) throws Exception {
        start(dir, request -> new Authenticator.Rejected(403, "not today", null));

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

    private void start(Path dir, Authenticator authenticator) throws Exception {
        Path file = Files.writeString(dir.resolve("directory.yaml"), DIRECTORY.replace("${webhook}", application.url("")));
        directory = new FileDomainDirectory(file);
        SimpleRegistry plugins = new SimpleRegistry();
        plugins.bind("directory", directory);
        plugins.bind("acl", new CidrAccessControl());
        plugins.bind("auth", authenticator);
        context = CallFlowContext.start(plugins, Map.of("psip.sip.host", "127.0.0.1", "psip.sip.port",
                Integer.toString(port), "psip.sip.transports", "udp", "psip.sip.route-timeout", "10000"));
    }

    private SipText invite() throws Exception {
        try (SipCaller caller = SipCaller.udp("127.0.0.1", port)) {
            return caller.invite(ACME);
        }
    }
}
