package org.imagestore.ftp.inbound;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

import javax.transaction.xa.XAResource;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.Connector;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.TransactionSupport;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;

/**
 * Runs one FTP server per activated endpoint (in practice: the one ingest MDB). The server listens only while
 * there is an endpoint to deliver to, so undeploying the application closes the FTP port.
 */
@Connector(
        displayName = "imagestore FTP connector",
        description = "Apache FtpServer hosted in the application server; delivers finished uploads to an MDB",
        vendorName = "imagestore",
        eisType = "FTP",
        version = "1.0",
        transactionSupport = TransactionSupport.TransactionSupportLevel.NoTransaction)
public class FtpResourceAdapter implements ResourceAdapter {

    private static final Logger LOG = Logger.getLogger(FtpResourceAdapter.class.getName());

    private final Map<FtpActivationSpec, FtpService> services = new ConcurrentHashMap<>();
    private volatile BootstrapContext context;

    @Override
    public void start(BootstrapContext context) {
        this.context = context;
        LOG.fine("imagestore FTP connector started");
    }

    @Override
    public void stop() {
        services.values().forEach(FtpService::stop);
        services.clear();
        LOG.info("imagestore FTP connector stopped");
    }

    @Override
    public void endpointActivation(MessageEndpointFactory endpointFactory, ActivationSpec spec) throws ResourceException {
        FtpActivationSpec activation = (FtpActivationSpec) spec;
        FtpSettings settings = activation.settings();
        FtpService service = new FtpService(settings, new StoreGateway(endpointFactory,
                context.getTransactionSynchronizationRegistry()));
        try {
            service.start();
        } catch (RuntimeException e) {
            throw new ResourceAdapterInternalException("FTP server could not start on " + settings.endpoint()
                    + ": " + e.getMessage(), e);
        }
        services.put(activation, service);
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory endpointFactory, ActivationSpec spec) {
        FtpService service = services.remove((FtpActivationSpec) spec);
        if (service != null) {
            service.stop();
        }
    }

    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) {
        // The adapter enlists no resource (it observes outcomes through a synchronization): nothing to recover.
        return new XAResource[0];
    }

    // The container compares adapters by equality; there is one instance per deployment.
    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
