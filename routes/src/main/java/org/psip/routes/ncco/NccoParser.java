package org.psip.routes.ncco;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Parses and validates the NCCO an application's answer_url returned. Stateless and thread-safe: share one.
 *
 * <p>Problems are reported in order: the answer as a whole, then each action in turn, and within an action its
 * fields in the order of the NCCO reference's tables. See the package documentation for what is accepted.
 */
public final class NccoParser {

    /**
     * One mapper for every call: building one is costly and a configured mapper is thread-safe. Duplicate keys
     * are refused because they leave the application's intent in doubt.
     */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static final Map<String, Function<JsonFields, NccoAction>> READERS = Map.of(
            ConnectAction.ACTION, ConnectReader::connect,
            TalkAction.ACTION, MediaReader::talk,
            StreamAction.ACTION, MediaReader::stream,
            RecordAction.ACTION, MediaReader::record,
            InputAction.ACTION, InputReader::input,
            ConversationAction.ACTION, ConversationReader::conversation,
            NotifyAction.ACTION, ConversationReader::notify);

    /**
     * @param json the answer's body
     * @return the NCCO
     * @throws InvalidNccoException when the body is not JSON or not a valid NCCO
     */
    public Ncco parse(String json) throws InvalidNccoException {
        if (json == null || json.isBlank()) {
            throw new InvalidNccoException("", "not valid JSON: the answer is empty");
        }
        try (JsonParser parser = JSON.createParser(json)) {
            JsonNode tree = JSON.readTree(parser);
            // Refused because a second array after the first leaves the application's intent in doubt.
            if (parser.nextToken() != null) {
                throw InvalidNccoException.notJson(parser.currentTokenLocation(), "more content after the NCCO");
            }
            return read(tree);
        } catch (JsonProcessingException e) {
            throw InvalidNccoException.notJson(e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading JSON from a string", e);
        }
    }

    /**
     * @param json an answer already parsed as JSON; the NCCO keeps copies of its parts, so it may change later
     * @return the NCCO
     * @throws InvalidNccoException when it is not a valid NCCO
     */
    public Ncco parse(JsonNode json) throws InvalidNccoException {
        return read(json == null ? null : json.deepCopy());
    }

    private static Ncco read(JsonNode tree) {
        if (tree == null || !tree.isArray()) {
            throw new InvalidNccoException("", "not a JSON array");
        }
        if (tree.isEmpty()) {
            throw new InvalidNccoException("", "the NCCO is empty");
        }
        List<NccoAction> actions = new ArrayList<>(tree.size());
        for (int i = 0; i < tree.size(); i++) {
            actions.add(action(JsonFields.of(tree.get(i), "[" + i + "]")));
        }
        return new Ncco(actions);
    }

    private static NccoAction action(JsonFields fields) {
        String name = fields.requiredText("action");
        Function<JsonFields, NccoAction> reader = READERS.get(name);
        if (reader == null) {
            throw fields.invalid("action", "unknown action " + InvalidNccoException.echo(name));
        }
        return reader.apply(fields);
    }
}
