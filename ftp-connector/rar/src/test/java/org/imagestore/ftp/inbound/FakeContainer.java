package org.imagestore.ftp.inbound;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

import jakarta.ejb.EJBException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;

import org.imagestore.ftp.api.FtpRefusedException;
import org.imagestore.ftp.api.FtpStoreListener;

/**
 * What the application server does for the adapter, reduced to what {@link StoreGateway} relies on: endpoints
 * that run each listener call in a container-managed transaction (REQUIRED) with the adapter's
 * {@link XAResource} enlisted, roll back on application exceptions marked so ({@link FtpRefusedException})
 * and on system exceptions (which reach the caller wrapped in an {@link EJBException}), and commit otherwise,
 * unless the commit itself is made to fail. Test helper of the FTP end-to-end test.
 */
final class FakeContainer implements MessageEndpointFactory {

    /** How a transaction ended. */
    enum Outcome { COMMITTED, ROLLED_BACK }

    private final InMemoryStore store;
    private final AtomicInteger created = new AtomicInteger();
    private final AtomicInteger released = new AtomicInteger();
    private final AtomicInteger transactionIds = new AtomicInteger();
    private final List<Outcome> outcomes = new ArrayList<>();
    private boolean failNextCommit;

    FakeContainer(InMemoryStore store) {
        this.store = store;
    }

    /** The next change's transaction rolls back although the listener returned normally (as when the database refuses the commit). */
    synchronized void failNextCommit() {
        failNextCommit = true;
    }

    /** How the transactions of changes (the calls with an XAResource) ended, in order. */
    synchronized List<Outcome> outcomes() {
        return List.copyOf(outcomes);
    }

    int endpointsCreated() {
        return created.get();
    }

    int endpointsReleased() {
        return released.get();
    }

    @Override
    public MessageEndpoint createEndpoint(XAResource xaResource) {
        return createEndpoint(xaResource, 0);
    }

    @Override
    public MessageEndpoint createEndpoint(XAResource xaResource, long timeout) {
        created.incrementAndGet();
        return (MessageEndpoint) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {FtpStoreListener.class, MessageEndpoint.class}, new Endpoint(xaResource));
    }

    @Override
    public boolean isDeliveryTransacted(Method method) {
        return true;
    }

    @Override
    public String getActivationName() {
        return "imagestore-test";
    }

    @Override
    public Class<?> getEndpointClass() {
        return FtpStoreListener.class;
    }

    private final class Endpoint implements InvocationHandler {

        private final XAResource enlisted;

        Endpoint(XAResource enlisted) {
            this.enlisted = enlisted;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getDeclaringClass() == MessageEndpoint.class) {
                if (method.getName().equals("release")) {
                    released.incrementAndGet();
                }
                return null;
            }
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "endpoint of " + getActivationName();
                };
            }
            return inTransaction(method, args);
        }

        private Object inTransaction(Method method, Object[] args) throws Throwable {
            Xid xid = new TestXid(transactionIds.incrementAndGet());
            synchronized (store) {
                store.begin();
                if (enlisted != null) {
                    enlisted.start(xid, XAResource.TMNOFLAGS);
                }
                boolean commit = false;
                try {
                    Object result = method.invoke(store, args);
                    commit = enlisted == null || !takeFailNextCommit();
                    return result;
                } catch (InvocationTargetException e) {
                    Throwable cause = e.getCause();
                    throw cause instanceof RuntimeException failure ? new EJBException("transaction rolled back", failure) : cause;
                } finally {
                    complete(xid, commit);
                }
            }
        }

        /** Ends the transaction before the caller sees the result, as a container does. */
        private void complete(Xid xid, boolean commit) throws XAException {
            if (enlisted != null) {
                enlisted.end(xid, commit ? XAResource.TMSUCCESS : XAResource.TMFAIL);
                if (commit) {
                    enlisted.prepare(xid);
                    enlisted.commit(xid, false);
                } else {
                    enlisted.rollback(xid);
                }
                synchronized (FakeContainer.this) {
                    outcomes.add(commit ? Outcome.COMMITTED : Outcome.ROLLED_BACK);
                }
            }
            if (!commit) {
                store.rollback();
            }
        }
    }

    private synchronized boolean takeFailNextCommit() {
        boolean fail = failNextCommit;
        failNextCommit = false;
        return fail;
    }

    private record TestXid(int id) implements Xid {

        @Override
        public int getFormatId() {
            return 0x1234;
        }

        @Override
        public byte[] getGlobalTransactionId() {
            return ByteBuffer.allocate(4).putInt(id).array();
        }

        @Override
        public byte[] getBranchQualifier() {
            return new byte[] {1};
        }
    }
}
