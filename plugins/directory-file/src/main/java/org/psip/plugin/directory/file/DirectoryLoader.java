package org.psip.plugin.directory.file;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/** Turns the bytes of a directory file into a snapshot, or into an exception that names the file. */
final class DirectoryLoader {

    /** SnakeYAML's default of 3 MB would cap a directory at some tens of thousands of domains. */
    private static final int MAX_FILE_CODE_POINTS = 64 * 1024 * 1024;

    private static final YAMLMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
                    .loaderOptions(loaderOptions())
                    // on by default, but a factory builder starts without it: "acl:" alone must mean absent
                    .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
                    .build())
            // a domain or user given twice is a mistake; the last one must not win silently
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private DirectoryLoader() {
    }

    /**
     * @param source the file's name, for messages
     * @throws InvalidDirectoryException when the content is not YAML or not a valid directory
     */
    static DirectorySnapshot load(String source, byte[] content) {
        JsonNode root = parse(source, content);
        try {
            return DirectoryMapper.map(ConfigEntry.root(root));
        } catch (InvalidEntryException e) {
            throw new InvalidDirectoryException(source, e.entry(), e.problem());
        }
    }

    private static JsonNode parse(String source, byte[] content) {
        try (JsonParser parser = YAML.createParser(content)) {
            JsonNode root = YAML.readTree(parser);
            if (parser.nextToken() != null) {
                // everything after the first '---' would otherwise be ignored without a word
                throw new InvalidDirectoryException(source, "", at(parser.currentLocation())
                        + "a second YAML document; the directory is one document");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new InvalidDirectoryException(source, "", syntaxProblem(e), e);
        } catch (IOException e) {
            throw new InvalidDirectoryException(source, "", "cannot be read: " + e, e);
        }
    }

    /** "line 3, column 7: expected ..." rather than SnakeYAML's multi-line report. */
    private static String syntaxProblem(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
            Mark mark = yaml.getProblemMark();
            String context = yaml.getContext() == null ? "" : " (" + yaml.getContext() + ")";
            return "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ": " + yaml.getProblem()
                    + context;
        }
        return at(e.getLocation()) + e.getOriginalMessage();
    }

    private static String at(JsonLocation location) {
        return location == null ? "" : "line " + location.getLineNr() + ", column " + location.getColumnNr() + ": ";
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_FILE_CODE_POINTS);
        return options;
    }
}
