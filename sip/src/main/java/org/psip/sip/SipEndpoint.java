package org.psip.sip;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.DefaultEndpoint;

/**
 * A SIP address. As a consumer it takes new INVITEs and answers each with what the
 * route leaves in the exchange; as a producer it places INVITEs (with their ACK,
 * CANCEL and BYE) or sends provisional responses on the exchange's inbound call.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "sip", title = "SIP", syntax = "sip:host:port",
             category = { Category.NETWORKING }, headersClass = SipConstants.class)
public class SipEndpoint extends DefaultEndpoint {

    @UriParam
    private final SipConfiguration configuration;

    public SipEndpoint(String uri, SipComponent component, SipConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public SipComponent getComponent() {
        return (SipComponent) super.getComponent();
    }

    public SipConfiguration getConfiguration() {
        return configuration;
    }

    @Override
    public Producer createProducer() {
        return new SipProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        SipConsumer consumer = new SipConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    SipService acquireService() throws Exception {
        return getComponent().acquire(configuration);
    }

    void releaseService(SipService service) {
        getComponent().release(service);
    }
}
