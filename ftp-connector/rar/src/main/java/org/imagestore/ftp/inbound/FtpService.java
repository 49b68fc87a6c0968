package org.imagestore.ftp.inbound;

import java.io.File;
import java.util.logging.Logger;

import org.apache.ftpserver.ConnectionConfigFactory;
import org.apache.ftpserver.DataConnectionConfiguration;
import org.apache.ftpserver.DataConnectionConfigurationFactory;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.command.CommandFactoryFactory;
import org.apache.ftpserver.command.impl.LIST;
import org.apache.ftpserver.command.impl.MLSD;
import org.apache.ftpserver.command.impl.NLST;
import org.apache.ftpserver.command.impl.RETR;
import org.apache.ftpserver.command.impl.USER;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.impl.DefaultDataConnectionConfiguration;
import org.apache.ftpserver.impl.PassivePorts;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.ssl.SslConfigurationFactory;

/** One Apache FtpServer, configured from {@link FtpSettings}, delivering to the store. */
final class FtpService {

    private static final Logger LOG = Logger.getLogger(FtpService.class.getName());

    private final FtpSettings settings;
    private final StoreGateway store;
    private final StagingArea staging;
    private final UploadsInProgress uploads = new UploadsInProgress();
    private final FtpServerLogs logs = new FtpServerLogs();
    private FtpServer server;

    FtpService(FtpSettings settings, StoreGateway store) {
        this.settings = settings;
        this.store = store;
        this.staging = new StagingArea(settings.stagingDirectory());
    }

    void start() {
        staging.prepare();
        logs.install();
        server = build().createServer();
        try {
            server.start();
        } catch (FtpException | RuntimeException e) {
            logs.uninstall();
            throw new IllegalStateException("cannot listen on " + settings.endpoint() + " (port taken?): " + e.getMessage(), e);
        }
        LOG.info("imagestore FTP listening on " + settings.endpoint() + ", passive ports " + settings.passivePorts()
                + (settings.tlsEnabled() ? ", explicit FTPS enabled" : "")
                + (settings.tlsRequired() ? " and required for logins" : "") + (settings.tlsDataRequired() ? " and data" : "") + ", staging in " + settings.stagingDirectory());
    }

    /** Stops accepting, gives uploads in progress the grace period to finish, then closes everything. */
    void stop() {
        if (server == null || server.isStopped()) {
            return;
        }
        server.suspend();
        if (!uploads.awaitNone(settings.shutdownGraceSeconds() * 1000L)) {
            LOG.warning(uploads.count() + " FTP uploads still in progress are cut off; they were not acknowledged");
        }
        server.stop();
        staging.close();
        logs.uninstall();
        LOG.info("imagestore FTP on " + settings.endpoint() + " stopped");
    }

    private FtpServerFactory build() {
        ConnectionConfigFactory connections = new ConnectionConfigFactory();
        connections.setAnonymousLoginEnabled(false);
        connections.setMaxLogins(settings.maxLogins());
        connections.setMaxThreads(settings.maxThreads());
        connections.setMaxLoginFailures(3);
        connections.setLoginFailureDelay(500);

        DataConnectionConfigurationFactory data = new DataConnectionConfigurationFactory();
        data.setPassivePorts(settings.passivePorts());
        if (!settings.bindAddress().equals("0.0.0.0")) {
            // a node on its own address: passive data sockets there too, so nodes of one host share port ranges
            data.setPassiveAddress(settings.bindAddress());
        }
        if (!settings.passiveAddress().isEmpty()) {
            data.setPassiveExternalAddress(settings.passiveAddress());
        }
        data.setActiveEnabled(settings.activeEnabled());
        // active mode only to the client's own address: no FTP bounce attacks
        data.setActiveIpCheck(true);
        // passive data connections only from the control connection's address: nobody else can take a
        // camera's data port between its PASV and its STOR
        data.setPassiveIpCheck(true);
        data.setIdleTime(settings.idleTimeoutSeconds());

        ListenerFactory listener = new ListenerFactory();
        listener.setPort(settings.port());
        listener.setServerAddress(settings.bindAddress());
        listener.setIdleTimeout(settings.idleTimeoutSeconds());
        if (settings.tlsEnabled()) {
            SslConfigurationFactory tls = new SslConfigurationFactory();
            tls.setKeystoreFile(new File(settings.tlsKeyStore()));
            tls.setKeystorePassword(settings.tlsKeyStorePassword());
            tls.setKeystoreType("PKCS12");
            // curl with TLS 1.3 resets the data channel against FtpServer 1.2.1 (see notes): offer 1.2
            tls.setSslProtocol("TLSv1.2");
            listener.setSslConfiguration(tls.createSslConfiguration());
            listener.setImplicitSsl(false);
            data.setSslConfiguration(tls.createSslConfiguration());
        }
        listener.setDataConnectionConfiguration(dataConnections(data));

        LoginChecks logins = new LoginChecks();
        CommandFactoryFactory commands = new CommandFactoryFactory();
        boolean tlsLogins = settings.tlsRequired();
        boolean tlsData = settings.tlsDataRequired();
        commands.addCommand("USER", new NoDelay(RequireTls.forLogin(new USER(), tlsLogins)));
        commands.addCommand("PASS", RequireTls.forLogin(new PassOrComeBackLater(logins), tlsLogins));
        commands.addCommand("STOR", RequireTls.forData(new DurableStor(store, staging, uploads, settings.maxUploadBytes()), tlsData));
        commands.addCommand("RETR", RequireTls.forData(new RETR(), tlsData));
        commands.addCommand("LIST", RequireTls.forData(new LIST(), tlsData));
        commands.addCommand("NLST", RequireTls.forData(new NLST(), tlsData));
        commands.addCommand("MLSD", RequireTls.forData(new MLSD(), tlsData));
        commands.addCommand("RNTO", new AcknowledgedRnto(store));
        commands.addCommand("MKD", TreeCommand.makeFolder(store));
        commands.addCommand("XMKD", TreeCommand.makeFolder(store));
        commands.addCommand("RMD", TreeCommand.removeFolder(store));
        commands.addCommand("XRMD", TreeCommand.removeFolder(store));
        commands.addCommand("DELE", TreeCommand.delete(store));
        commands.addCommand("APPE", new NotSupported("Appending is not supported; send the whole file with STOR"));
        commands.addCommand("STOU", new NotSupported("STOU is not supported; STOR with a name of your choice"));
        commands.addCommand("FEAT", new FeatureList(settings.tlsEnabled()));
        commands.addCommand("MODE", FeatureList.streamModeOnly());
        commands.addCommand("SITE", AttributeChanges.site(settings.ignoreAttributeChanges()));
        commands.addCommand("MFMT", AttributeChanges.modificationTime(settings.ignoreAttributeChanges()));
        commands.addCommand("STAT", ServerStatus.stat());
        commands.addCommand("SYST", ServerStatus.system());

        FtpServerFactory factory = new FtpServerFactory();
        factory.setConnectionConfig(connections.createConnectionConfig());
        factory.addListener("default", listener.createListener());
        factory.setUserManager(new SourceUserManager(store, settings.idleTimeoutSeconds(), logins));
        factory.setFileSystem(new VirtualFileSystemFactory(store));
        factory.setCommandFactory(new StoreUnavailableReplies(commands.createCommandFactory()));
        // a mutable map: FtpServer clears it when it stops
        factory.setFtplets(new java.util.HashMap<>(java.util.Map.of("sessions-per-address",
                new SessionsPerAddress(settings.maxSessionsPerAddress()))));
        return factory;
    }

    /**
     * The factory's data connection settings, except how a free passive port is found: FtpServer tries to bind the
     * port on every address, which fails for a node bound to its own address when the same port is taken on
     * another address of the host (another node, or a load balancer passing data connections on). Bound to one
     * address, a port is checked by binding it there, when the passive connection opens.
     */
    private DataConnectionConfiguration dataConnections(DataConnectionConfigurationFactory data) {
        DataConnectionConfiguration defaults = data.createDataConnectionConfiguration();
        if (settings.bindAddress().equals("0.0.0.0")) {
            return defaults;
        }
        return new DefaultDataConnectionConfiguration(defaults.getIdleTime(), defaults.getSslConfiguration(),
                defaults.isActiveEnabled(), defaults.isActiveIpCheck(), defaults.getActiveLocalAddress(),
                defaults.getActiveLocalPort(), defaults.getPassiveAddress(),
                new PassivePorts(settings.passivePorts(), false), defaults.getPassiveExernalAddress(),
                defaults.isPassiveIpCheck(), defaults.isImplicitSsl());
    }
}
