package org.psip.routes;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** {@code application/x-www-form-urlencoded}, as the webhooks' GET query strings are written. */
public final class FormEncoding {

    private FormEncoding() {
    }

    /** The parameters as a query string; null values are left out. */
    public static String encode(Map<String, ?> parameters) {
        StringBuilder query = new StringBuilder(256);
        for (Map.Entry<String, ?> parameter : parameters.entrySet()) {
            if (parameter.getValue() == null) {
                continue;
            }
            if (query.length() > 0) {
                query.append('&');
            }
            query.append(URLEncoder.encode(parameter.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(String.valueOf(parameter.getValue()), StandardCharsets.UTF_8));
        }
        return query.toString();
    }
}
