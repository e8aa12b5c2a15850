package org.psip.routes.ncco;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Read-only copies for the model's records; maps keep their order because headers go out in the order given. */
final class Immutables {

    private Immutables() {
    }

    static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    /** Keeps null: for fields where "not given" means something different from "empty". */
    static <T> List<T> listOrNull(List<T> list) {
        return list == null ? null : List.copyOf(list);
    }

    static <V> Map<String, V> orderedMap(Map<String, V> map) {
        return map == null || map.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
