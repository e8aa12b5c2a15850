package org.psip.app;

import java.util.Map;

import org.apache.camel.main.Main;
import org.psip.routes.directory.RoutesDirectory;

/**
 * The standalone psip gateway: Camel Main with psip's call flow, its plugins and the
 * embedded default configuration ({@code application.properties} and
 * {@code psip/directory.yaml} on the class path).
 * Settings are overridden by system properties ({@code -Dpsip.sip.port=5070}) and
 * environment variables ({@code PSIP_SIP_PORT=5070}).
 */
public final class PsipGateway {

    private final Main main = new Main(PsipGateway.class);

    /** A gateway with these settings over the embedded defaults. */
    public PsipGateway(Map<String, String> overrides) {
        // named here, not found by scanning this package too: configured twice, the gateway
        // ran two domain directories and two routes directories, racing each other
        main.configure().setBasePackageScanEnabled(false);
        main.configure().addConfiguration(GatewayConfiguration.class);
        overrides.forEach(main::addOverrideProperty);
    }

    /** Starts the gateway and returns once it listens. */
    public PsipGateway start() throws Exception {
        main.start();
        return this;
    }

    public void stop() throws Exception {
        main.stop();
    }

    public Main main() {
        return main;
    }

    /** The live directory of route files ({@code psip.routes.dir}). */
    public RoutesDirectory routesDirectory() {
        return main.getCamelContext().getRegistry().lookupByNameAndType(GatewayConfiguration.ROUTES_DIRECTORY,
                RoutesDirectory.class);
    }

    public static void main(String[] args) throws Exception {
        new PsipGateway(Map.of()).main.run(args);
    }
}
