package org.psip.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each example in docs/examples is psip's call flow with one step added: when the
 * shipped flow gains or loses a step, the examples must follow, or a user who copies
 * one silently drops that step.
 */
class RouteExamplesFollowTheCallFlowTest {

    /** A step bean named in YAML ({@code ref: answerUrl}) or XML ({@code ref="answerUrl"}). */
    private static final Pattern STEP = Pattern.compile("ref(?::\\s*|=\")(\\w+)");
    /** What the examples add to the flow. */
    private static final List<String> ADDED = List.of("rejectCall");

    @ParameterizedTest
    @ValueSource(strings = {"block-caller.yaml", "block-caller.xml", "answer-url-params.yaml",
        "answer-url-params.xml", "domain-application.yaml", "domain-application.xml"})
    void an_example_has_every_step_of_the_shipped_call_flow_in_its_order(String example) throws IOException {
        List<String> steps = steps("/docs-examples/" + example);
        steps.removeAll(ADDED);

        assertThat(steps).isEqualTo(steps("/psip/call-flow.yaml"));
    }

    private static List<String> steps(String resource) throws IOException {
        try (InputStream in = RouteExamplesFollowTheCallFlowTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            Matcher step = STEP.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            List<String> steps = new ArrayList<>();
            while (step.find()) {
                steps.add(step.group(1));
            }
            return steps;
        }
    }
}
