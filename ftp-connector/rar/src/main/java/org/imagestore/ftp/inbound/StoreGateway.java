package org.imagestore.ftp.inbound;

import java.lang.reflect.UndeclaredThrowableException;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;

import org.imagestore.ftp.api.FtpRefusedException;
import org.imagestore.ftp.api.FtpStoreListener;

/**
 * Calls the MDB: one endpoint per call, always released. Changes run with a {@link TransactionOutcome}
 * enlisted, and count as done only if their transaction committed.
 */
final class StoreGateway {

    private static final Logger LOG = Logger.getLogger(StoreGateway.class.getName());
    private static final long ENDPOINT_TIMEOUT_MILLIS = 60_000;

    /** A call on the listener that may be refused. */
    @FunctionalInterface
    interface Call<T> {
        T on(FtpStoreListener store) throws FtpRefusedException;
    }

    private final MessageEndpointFactory endpoints;

    StoreGateway(MessageEndpointFactory endpoints) {
        this.endpoints = endpoints;
    }

    /** A read: no outcome to check. */
    <T> T read(Call<T> call) throws FtpRefusedException {
        return invoke(call, null);
    }

    /** A change: succeeds only if the MDB's transaction committed. */
    <T> T change(Call<T> call) throws FtpRefusedException {
        TransactionOutcome outcome = new TransactionOutcome();
        T result = invoke(call, outcome);
        if (!outcome.committed()) {
            throw new FtpRefusedException(FtpRefusedException.Kind.TRANSIENT,
                    "the store could not commit the change; nothing was kept, please retry");
        }
        return result;
    }

    private <T> T invoke(Call<T> call, TransactionOutcome outcome) throws FtpRefusedException {
        MessageEndpoint endpoint;
        try {
            endpoint = endpoints.createEndpoint(outcome, ENDPOINT_TIMEOUT_MILLIS);
        } catch (UnavailableException e) {
            LOG.log(Level.WARNING, "imagestore is not ready to take FTP requests", e);
            throw unavailable();
        }
        try {
            return call.on((FtpStoreListener) endpoint);
        } catch (FtpRefusedException e) {
            throw e;
        } catch (UndeclaredThrowableException | IllegalStateException e) {
            LOG.log(Level.WARNING, "FTP request failed in the store", e);
            throw unavailable();
        } catch (RuntimeException e) {
            // EJBException from the container; the cause has been logged there too
            LOG.log(Level.WARNING, "FTP request failed in the store: " + rootMessage(e), e);
            throw unavailable();
        } finally {
            endpoint.release();
        }
    }

    private static FtpRefusedException unavailable() {
        return new FtpRefusedException(FtpRefusedException.Kind.TRANSIENT,
                "the store is temporarily unable to process the request; please retry");
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
