package org.psip.routes.directory;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.FailedToCreateRouteException;
import org.apache.camel.NoSuchBeanException;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteDefinition;

/**
 * Turns what Camel throws at a route file into a refusal a person can act on: the
 * line and the problem, without stack traces or the DSL loaders' source excerpts.
 */
final class RouteFileProblems {

    /** How Camel's YAML and XML loaders place a problem: "in file:/x.yaml, line 6, column 11:". */
    private static final Pattern LOCATION = Pattern.compile("^\\s*in \\S+, line (\\d+), column \\d+:\\s*$");
    private static final Pattern CARET = Pattern.compile("^\\s*\\^\\s*$");
    private static final Pattern FAILED_STEP = Pattern.compile(" at: >>> (.*?) <<< in route: ");
    /** The XML parser's own account of where it was, after its message: the line says it better. */
    private static final Pattern PARSER_POSITION = Pattern.compile("\\s*\\(position: .*$");

    private RouteFileProblems() {
    }

    /** The file does not parse: the DSL loader's own message names the line. */
    static RouteFileRefusal parseFailure(Path file, Exception failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage();
            if (message != null && message.lines().anyMatch(line -> LOCATION.matcher(line).matches())) {
                return withoutExcerpts(file, message);
            }
        }
        return new RouteFileRefusal(file, 0, firstLine(deepest(failure)), Instant.now());
    }

    /**
     * The file parses but a route cannot be built (a bean that does not exist, a broken
     * expression, an unknown endpoint): the line of the step that failed.
     */
    static RouteFileRefusal buildFailure(Path file, String text, RouteDefinition route, Exception failure) {
        String routeName = "route " + route.getRouteId();
        NoSuchBeanException missingBean = find(failure, NoSuchBeanException.class);
        if (missingBean != null) {
            return new RouteFileRefusal(file, lineMentioning(text, missingBean.getName(), route.getLineNumber()),
                    "no bean named '" + missingBean.getName() + "' (" + routeName + ")", Instant.now());
        }
        FailedToCreateRouteException notCreated = find(failure, FailedToCreateRouteException.class);
        String step = notCreated == null ? null : failedStep(notCreated);
        Throwable cause = notCreated != null && notCreated.getCause() != null ? notCreated.getCause() : failure;
        String problem = routeName + (step != null ? ", step " + step : "") + ": " + firstLine(cause);
        return new RouteFileRefusal(file, lineOf(route, step), problem, Instant.now());
    }

    private static RouteFileRefusal withoutExcerpts(Path file, String message) {
        int line = 0;
        List<String> words = new ArrayList<>();
        boolean excerptNext = false;
        for (String text : message.lines().toList()) {
            Matcher location = LOCATION.matcher(text);
            if (location.matches()) {
                line = line == 0 ? Integer.parseInt(location.group(1)) : line;
                excerptNext = true;
            } else if (excerptNext) {
                excerptNext = false; // the source line the loader quotes under its location
            } else if (!text.isBlank() && !CARET.matcher(text).matches()) {
                words.add(PARSER_POSITION.matcher(text.trim()).replaceFirst(""));
            }
        }
        return new RouteFileRefusal(file, line, String.join("; ", words), Instant.now());
    }

    /** Camel names the step that failed by its text; the route's top-level steps know their lines. */
    private static int lineOf(RouteDefinition route, String step) {
        if (step != null) {
            for (ProcessorDefinition<?> output : route.getOutputs()) {
                if (step.equals(output.toString()) && output.getLineNumber() > 0) {
                    return output.getLineNumber();
                }
            }
        }
        return Math.max(route.getLineNumber(), 0);
    }

    private static String failedStep(FailedToCreateRouteException failure) {
        Matcher step = FAILED_STEP.matcher(failure.getMessage());
        return step.find() ? step.group(1) : null;
    }

    /** The first line, from the route's own line on, that names the bean. */
    private static int lineMentioning(String text, String name, int fromLine) {
        Pattern mention = Pattern.compile("(?<![\\w.-])" + Pattern.quote(name) + "(?![\\w-])");
        List<String> lines = text.lines().toList();
        for (int i = Math.max(fromLine, 1); i <= lines.size(); i++) {
            if (mention.matcher(lines.get(i - 1)).find()) {
                return i;
            }
        }
        return Math.max(fromLine, 0);
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> kind) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (kind.isInstance(cause)) {
                return kind.cast(cause);
            }
        }
        return null;
    }

    private static Throwable deepest(Throwable failure) {
        Throwable deepest = failure;
        while (deepest.getCause() != null && deepest.getCause().getMessage() != null) {
            deepest = deepest.getCause();
        }
        return deepest;
    }

    private static String firstLine(Throwable failure) {
        String message = failure.getMessage();
        if (message == null || message.isBlank()) {
            return failure.getClass().getSimpleName();
        }
        return message.lines().findFirst().orElse(message).trim();
    }
}
