package org.psip.routes.directory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.Route;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.support.service.ServiceHelper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The routes directory on a plain Camel context: a shipped route ({@code flow}, as
 * psip's call flow is) and the files a user drops beside it.
 */
class RoutesDirectoryTest {

    private static final String SHIPPED = """
            - route:
                id: flow
                from:
                  uri: direct:flow
                  steps:
                    - threads:
                        poolSize: 2
                    - process:
                        ref: hold
                    - setBody:
                        constant: shipped
            """;
    private static final Duration WITHIN = Duration.ofSeconds(5);

    @TempDir
    Path directory;
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile boolean holding;
    private CamelContext context;
    private ProducerTemplate template;
    private RoutesDirectory routes;

    @BeforeEach
    void startContextWithShippedRoute() throws Exception {
        context = new DefaultCamelContext();
        context.getRegistry().bind("hold", (Processor) exchange -> {
            if (holding) {
                entered.countDown();
                release.await(10, TimeUnit.SECONDS);
            }
        });
        context.getRegistry().bind("mark", (Processor) exchange -> exchange.getMessage().setHeader("marked", true));
        context.start();
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("classpath:flow.yaml", SHIPPED));
        template = context.createProducerTemplate();
    }

    @AfterEach
    void stopContext() {
        release.countDown();
        context.stop();
    }

    @Test
    void files_present_at_start_run_beside_the_shipped_route() throws Exception {
        write("extra.yaml", route("extra", "direct:extra", "extra"));
        write("extra.xml", xmlRoute("extra-xml", "direct:extra-xml", "extra from xml"));

        start();

        assertThat(call("direct:extra")).isEqualTo("extra");
        assertThat(call("direct:extra-xml")).isEqualTo("extra from xml");
        assertThat(call("direct:flow")).isEqualTo("shipped");
    }

    @Test
    void a_file_dropped_in_later_runs_within_seconds_and_its_removal_stops_its_routes() throws Exception {
        start();

        Path file = write("late.yaml", route("late", "direct:late", "late"));
        Awaitility.await().atMost(WITHIN).until(() -> context.getRoute("late") != null);
        assertThat(call("direct:late")).isEqualTo("late");

        Files.delete(file);
        Awaitility.await().atMost(WITHIN).until(() -> context.getRoute("late") == null);
        assertThat(routes.loadedRoutes()).isEmpty();
    }

    @Test
    void a_file_with_the_shipped_route_id_replaces_it_and_its_removal_brings_the_shipped_one_back() throws Exception {
        start();

        Path file = write("flow.yaml", route("flow", "direct:flow", "customized"));
        Awaitility.await().atMost(WITHIN).until(() -> "customized".equals(call("direct:flow")));

        Files.delete(file);
        Awaitility.await().atMost(WITHIN).until(() -> "shipped".equals(call("direct:flow")));
        assertThat(context.getRouteController().getRouteStatus("flow").isStarted()).isTrue();
        assertThat(routes.lastRefusal()).isEmpty();
    }

    @Test
    void a_changed_file_with_two_routes_is_reloaded_whole_and_a_route_it_drops_stops() throws Exception {
        Path file = write("pair.yaml", route("first", "direct:first", "one") + route("second", "direct:second", "two"));
        start();

        write("pair.yaml", route("first", "direct:first", "one, changed"));

        Awaitility.await().atMost(WITHIN).until(() -> context.getRoute("second") == null);
        assertThat(call("direct:first")).isEqualTo("one, changed");
        assertThat(routes.loadedRoutes()).containsEntry(file.toAbsolutePath(), java.util.List.of("first"));
    }

    @Test
    void a_call_in_flight_finishes_on_the_route_it_started_on_while_a_file_replaces_that_route() throws Exception {
        start();
        holding = true;
        CompletableFuture<Object> inFlight = template.asyncRequestBody("direct:flow", "call");
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
        Route shipped = context.getRoute("flow");

        write("flow.yaml", route("flow", "direct:flow", "customized"));
        // the replacement waits for the call in flight: the old route stops taking new ones first
        Awaitility.await().atMost(WITHIN).until(() -> !ServiceHelper.isStarted(shipped.getConsumer()));
        holding = false;
        release.countDown();

        assertThat(inFlight.get(5, TimeUnit.SECONDS)).isEqualTo("shipped");
        Awaitility.await().atMost(WITHIN).until(() -> "customized".equals(call("direct:flow")));
    }

    @Test
    void a_file_that_does_not_parse_is_refused_with_its_line_and_the_routes_stay() throws Exception {
        write("mine.yaml", route("mine", "direct:mine", "first version"));
        start();

        write("mine.yaml", """
                - route:
                    id: mine
                    from:
                      uri: direct:mine
                      steps:
                        - setBodyy:
                            constant: broken
                """);

        RouteFileRefusal refusal = awaitRefusal("mine.yaml");
        assertThat(refusal.line()).isEqualTo(6);
        assertThat(refusal.problem()).isEqualTo("Unknown node id: setBodyy");
        assertThat(refusal.describe()).isEqualTo(directory.resolve("mine.yaml") + " line 6: Unknown node id: setBodyy");
        assertThat(call("direct:mine")).isEqualTo("first version");
    }

    @Test
    void a_file_naming_a_bean_that_does_not_exist_is_refused_and_the_route_it_would_replace_keeps_running()
            throws Exception {
        start();

        write("flow.yaml", """
                - route:
                    id: flow
                    from:
                      uri: direct:flow
                      steps:
                        - process:
                            ref: mark
                        - process:
                            ref: blockCaler
                """);

        RouteFileRefusal refusal = awaitRefusal("flow.yaml");
        assertThat(refusal.line()).isEqualTo(9);
        assertThat(refusal.problem()).isEqualTo("no bean named 'blockCaler' (route flow)");
        assertThat(call("direct:flow")).isEqualTo("shipped");
        assertThat(routes.loadedRoutes()).isEmpty();
    }

    @Test
    void a_file_whose_route_fails_to_start_is_undone_and_the_route_it_replaced_runs_again() throws Exception {
        write("owner.yaml", route("owner", "direct:taken", "owner"));
        start();

        write("flow.yaml", route("flow", "direct:flow", "customized") + route("second", "direct:taken", "second"));

        RouteFileRefusal refusal = awaitRefusal("flow.yaml");
        assertThat(refusal.line()).isEqualTo(8);
        assertThat(refusal.problem()).startsWith("route second").contains("direct://taken");
        assertThat(call("direct:flow")).isEqualTo("shipped");
        assertThat(context.getRoute("second")).isNull();
        assertThat(call("direct:taken")).isEqualTo("owner");
    }

    @Test
    void an_xml_file_that_does_not_parse_is_refused_with_its_line() throws Exception {
        start();

        write("broken.xml", """
                <routes xmlns="http://camel.apache.org/schema/xml-io">
                  <route id="broken">
                    <from uri="direct:broken"/>
                    <setBody><constant>never</constant>
                  </route>
                </routes>
                """);

        RouteFileRefusal refusal = awaitRefusal("broken.xml");
        assertThat(refusal.line()).isEqualTo(5);
        assertThat(refusal.problem()).contains("end tag name </route> must match start tag name <setBody>");
        assertThat(context.getRoute("broken")).isNull();
    }

    @Test
    void an_expression_that_does_not_parse_is_refused_with_the_line_of_its_step() throws Exception {
        start();

        write("expr.yaml", """
                - route:
                    id: expr
                    from:
                      uri: direct:expr
                      steps:
                        - log: hello
                        - setBody:
                            simple: "${header.foo"
                """);

        RouteFileRefusal refusal = awaitRefusal("expr.yaml");
        assertThat(refusal.line()).isEqualTo(7);
        assertThat(refusal.problem()).startsWith("route expr, step SetBody[simple{${header.foo}]: expected symbol");
        assertThat(context.getRoute("expr")).isNull();
    }

    @Test
    void a_route_id_another_file_holds_is_refused() throws Exception {
        write("a.yaml", route("shared", "direct:a", "from a"));
        start();

        write("b.yaml", route("shared", "direct:b", "from b"));

        RouteFileRefusal refusal = awaitRefusal("b.yaml");
        assertThat(refusal.problem()).isEqualTo("route id shared is already taken by a.yaml");
        assertThat(call("direct:a")).isEqualTo("from a");
    }

    @Test
    void no_directory_means_only_the_shipped_routes_and_no_error() throws Exception {
        routes = new RoutesDirectory(context, directory.resolve("absent"), Duration.ofSeconds(5));
        context.addService(routes, true, true);

        assertThat(routes.loadedRoutes()).isEmpty();
        assertThat(routes.lastRefusal()).isEmpty();
        assertThat(call("direct:flow")).isEqualTo("shipped");
    }

    private void start() throws Exception {
        routes = new RoutesDirectory(context, directory, Duration.ofSeconds(5));
        context.addService(routes, true, true);
    }

    private Object call(String uri) {
        return template.requestBody(uri, "call");
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(directory.resolve(name), text);
    }

    private RouteFileRefusal awaitRefusal(String fileName) {
        Awaitility.await().atMost(WITHIN).until(() -> routes.lastRefusal()
                .filter(refusal -> refusal.file().getFileName().toString().equals(fileName)).isPresent());
        return routes.lastRefusal().orElseThrow();
    }

    private static String route(String id, String from, String body) {
        return """
                - route:
                    id: %s
                    from:
                      uri: %s
                      steps:
                        - setBody:
                            constant: "%s"
                """.formatted(id, from, body);
    }

    private static String xmlRoute(String id, String from, String body) {
        return """
                <routes xmlns="http://camel.apache.org/schema/xml-io">
                  <route id="%s">
                    <from uri="%s"/>
                    <setBody><constant>%s</constant></setBody>
                  </route>
                </routes>
                """.formatted(id, from, body);
    }
}
