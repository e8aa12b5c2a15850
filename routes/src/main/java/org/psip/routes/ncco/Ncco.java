package org.psip.routes.ncco;

import java.util.List;

/**
 * A parsed and validated NCCO: the call-control actions an application's answer_url returned, in the order
 * they run. Build one with {@link NccoParser}.
 *
 * @param actions the actions in order; never empty
 */
public record Ncco(List<NccoAction> actions) {

    public Ncco {
        actions = List.copyOf(actions);
        if (actions.isEmpty()) {
            throw new IllegalArgumentException("an NCCO has at least one action");
        }
    }
}
