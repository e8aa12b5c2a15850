package org.psip.routes.events;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.nio.entity.AbstractBinAsyncEntityConsumer;

/**
 * Reads an answer's body as UTF-8 text (JSON's encoding), failing the request once it
 * grows past a limit: an application's answer is held in memory while a call waits, so
 * a runaway one must not be.
 */
final class BoundedBodyConsumer extends AbstractBinAsyncEntityConsumer<String> {

    private final int maxBytes;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    BoundedBodyConsumer(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected void streamStart(ContentType contentType) {
        body.reset();
    }

    @Override
    protected int capacityIncrement() {
        return 8 * 1024;
    }

    @Override
    protected void data(ByteBuffer src, boolean endOfStream) throws IOException {
        if (body.size() + src.remaining() > maxBytes) {
            throw new IOException("the answer is longer than " + maxBytes + " bytes");
        }
        byte[] chunk = new byte[src.remaining()];
        src.get(chunk);
        body.writeBytes(chunk);
    }

    @Override
    protected String generateContent() {
        return body.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void releaseResources() {
        body.reset();
    }
}
