package org.psip.routes.ncco;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads the actions that involve others than the caller: conversation, and notify to the application. */
final class ConversationReader {

    private ConversationReader() {
    }

    static ConversationAction conversation(JsonFields fields) {
        String name = fields.requiredText("name");
        List<String> musicOnHoldUrl = musicOnHoldUrl(fields);
        boolean startOnEnter = fields.flag("startOnEnter", true);
        boolean endOnExit = fields.flag("endOnExit", false);
        boolean record = fields.flag("record", false);
        List<String> canSpeak = fields.strings("canSpeak");
        List<String> canHear = fields.strings("canHear");
        boolean mute = fields.flag("mute", false);
        if (mute && canSpeak != null) {
            // The reference: "When using canSpeak, the mute parameter is not supported".
            throw fields.invalid("mute", "cannot be used together with canSpeak");
        }
        return new ConversationAction(name, musicOnHoldUrl, startOnEnter, endOnExit, record, canSpeak, canHear,
                mute, fields.urls("eventUrl"), fields.eventMethod(), fields.extras());
    }

    static NotifyAction notify(JsonFields fields) {
        JsonNode payload = fields.required("payload");
        if (!payload.isObject()) {
            throw fields.invalid("payload", "must be an object");
        }
        return new NotifyAction(payload, fields.requiredUrls("eventUrl"), fields.eventMethod(), fields.extras());
    }

    /** The reference describes one URL, its published moderated-conference example an array: both are taken. */
    private static List<String> musicOnHoldUrl(JsonFields fields) {
        JsonNode given = fields.value("musicOnHoldUrl");
        if (given != null && given.isTextual()) {
            return List.of(fields.url("musicOnHoldUrl"));
        }
        return fields.urls("musicOnHoldUrl");
    }
}
