package org.imagestore.ftp.inbound;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.Activation;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;

import org.imagestore.ftp.api.FtpStoreListener;

/**
 * The FTP server's settings. Every value may name a system property with a default,
 * {@code ${imagestore.ftp.port:2121}}, so that each node of a cluster takes its own ports from its
 * instance's system properties while the deployment stays the same everywhere.
 */
@Activation(messageListeners = FtpStoreListener.class)
public class FtpActivationSpec implements ActivationSpec {

    private ResourceAdapter resourceAdapter;

    @ConfigProperty(description = "Control port", defaultValue = "${imagestore.ftp.port:2121}")
    private String port = "${imagestore.ftp.port:2121}";

    @ConfigProperty(description = "Address to listen on", defaultValue = "${imagestore.ftp.bind-address:0.0.0.0}")
    private String bindAddress = "${imagestore.ftp.bind-address:0.0.0.0}";

    @ConfigProperty(description = "Passive data ports, e.g. 30000-30099",
            defaultValue = "${imagestore.ftp.passive-ports:30000-30099}")
    private String passivePorts = "${imagestore.ftp.passive-ports:30000-30099}";

    @ConfigProperty(description = "Address announced in PASV replies (empty: the address the client connected to)",
            defaultValue = "${imagestore.ftp.passive-address:}")
    private String passiveAddress = "${imagestore.ftp.passive-address:}";

    @ConfigProperty(description = "Allow active mode (PORT/EPRT) to the client's own address",
            defaultValue = "${imagestore.ftp.active-enabled:true}")
    private String activeEnabled = "${imagestore.ftp.active-enabled:true}";

    @ConfigProperty(description = "Seconds a control connection may stay idle; must exceed the slowest store",
            defaultValue = "${imagestore.ftp.idle-timeout:300}")
    private String idleTimeoutSeconds = "${imagestore.ftp.idle-timeout:300}";

    @ConfigProperty(description = "Concurrent FTP sessions", defaultValue = "${imagestore.ftp.max-logins:1000}")
    private String maxLogins = "${imagestore.ftp.max-logins:1000}";

    @ConfigProperty(description = "Threads serving FTP sessions (each transfer holds one)",
            defaultValue = "${imagestore.ftp.max-threads:128}")
    private String maxThreads = "${imagestore.ftp.max-threads:128}";

    @ConfigProperty(description = "Largest upload in bytes", defaultValue = "${imagestore.ftp.max-upload-bytes:268435456}")
    private String maxUploadBytes = "${imagestore.ftp.max-upload-bytes:268435456}";

    @ConfigProperty(description = "Folder for uploads in progress; on the same filesystem as a volume, stores are a rename",
            defaultValue = "${imagestore.ftp.staging-dir:${java.io.tmpdir}/imagestore-staging}")
    private String stagingDirectory = "${imagestore.ftp.staging-dir:${java.io.tmpdir}/imagestore-staging}";

    @ConfigProperty(description = "PKCS12 key store enabling explicit FTPS (AUTH TLS); empty: plain FTP only",
            defaultValue = "${imagestore.ftp.tls.keystore:}")
    private String tlsKeyStore = "${imagestore.ftp.tls.keystore:}";

    @ConfigProperty(description = "Password of the TLS key store", confidential = true,
            defaultValue = "${imagestore.ftp.tls.keystore-password:}")
    private String tlsKeyStorePassword = "${imagestore.ftp.tls.keystore-password:}";

    @ConfigProperty(description = "Seconds to let uploads in progress finish when stopping",
            defaultValue = "${imagestore.ftp.shutdown-grace:20}")
    private String shutdownGraceSeconds = "${imagestore.ftp.shutdown-grace:20}";

    @ConfigProperty(description = "Logins only after AUTH TLS (no password in clear)",
            defaultValue = "${imagestore.ftp.tls.required:false}")
    private String tlsRequired = "${imagestore.ftp.tls.required:false}";

    @ConfigProperty(description = "Transfers and listings only after PROT P (encrypted data connections)",
            defaultValue = "${imagestore.ftp.tls.data-required:false}")
    private String tlsDataRequired = "${imagestore.ftp.tls.data-required:false}";

    @ConfigProperty(description = "FTP sessions one address may hold at once (logged in or not)",
            defaultValue = "${imagestore.ftp.max-sessions-per-address:64}")
    private String maxSessionsPerAddress = "${imagestore.ftp.max-sessions-per-address:64}";

    @ConfigProperty(description = "SITE CHMOD, SITE UTIME and MFMT (sent by mirror tools after each upload): ignore "
            + "(accept, keep nothing) or refuse (502)", defaultValue = "${imagestore.ftp.attribute-changes:ignore}")
    private String attributeChanges = "${imagestore.ftp.attribute-changes:ignore}";

    private boolean attributeChangesIgnored() {
        String value = Placeholders.resolve(attributeChanges).trim();
        return switch (value) {
            case "ignore" -> true;
            case "refuse" -> false;
            default -> throw new IllegalArgumentException("attributeChanges must be ignore or refuse, not '" + value + "'");
        };
    }

    /** Resolves the placeholders and checks every value. */
    FtpSettings settings() throws InvalidPropertyException {
        try {
            return new FtpSettings(
                    Placeholders.integer("port", port),
                    Placeholders.resolve(bindAddress),
                    Placeholders.resolve(passivePorts),
                    Placeholders.resolve(passiveAddress),
                    Boolean.parseBoolean(Placeholders.resolve(activeEnabled)),
                    Placeholders.integer("idleTimeoutSeconds", idleTimeoutSeconds),
                    Placeholders.integer("maxLogins", maxLogins),
                    Placeholders.integer("maxThreads", maxThreads),
                    Placeholders.longInteger("maxUploadBytes", maxUploadBytes),
                    Placeholders.path(stagingDirectory),
                    Placeholders.resolve(tlsKeyStore),
                    Placeholders.resolve(tlsKeyStorePassword),
                    Placeholders.integer("shutdownGraceSeconds", shutdownGraceSeconds),
                    attributeChangesIgnored(),
                    Placeholders.integer("maxSessionsPerAddress", maxSessionsPerAddress),
                    Boolean.parseBoolean(Placeholders.resolve(tlsRequired)),
                    Boolean.parseBoolean(Placeholders.resolve(tlsDataRequired)));
        } catch (IllegalArgumentException e) {
            throw new InvalidPropertyException(e.getMessage());
        }
    }

    @Override
    public void validate() throws InvalidPropertyException {
        settings();
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter resourceAdapter) throws ResourceException {
        this.resourceAdapter = resourceAdapter;
    }

    public String getPort() { return port; }
    public void setPort(String port) { this.port = port; }
    public String getBindAddress() { return bindAddress; }
    public void setBindAddress(String bindAddress) { this.bindAddress = bindAddress; }
    public String getPassivePorts() { return passivePorts; }
    public void setPassivePorts(String passivePorts) { this.passivePorts = passivePorts; }
    public String getPassiveAddress() { return passiveAddress; }
    public void setPassiveAddress(String passiveAddress) { this.passiveAddress = passiveAddress; }
    public String getActiveEnabled() { return activeEnabled; }
    public void setActiveEnabled(String activeEnabled) { this.activeEnabled = activeEnabled; }
    public String getIdleTimeoutSeconds() { return idleTimeoutSeconds; }
    public void setIdleTimeoutSeconds(String idleTimeoutSeconds) { this.idleTimeoutSeconds = idleTimeoutSeconds; }
    public String getMaxLogins() { return maxLogins; }
    public void setMaxLogins(String maxLogins) { this.maxLogins = maxLogins; }
    public String getMaxThreads() { return maxThreads; }
    public void setMaxThreads(String maxThreads) { this.maxThreads = maxThreads; }
    public String getMaxUploadBytes() { return maxUploadBytes; }
    public void setMaxUploadBytes(String maxUploadBytes) { this.maxUploadBytes = maxUploadBytes; }
    public String getStagingDirectory() { return stagingDirectory; }
    public void setStagingDirectory(String stagingDirectory) { this.stagingDirectory = stagingDirectory; }
    public String getTlsKeyStore() { return tlsKeyStore; }
    public void setTlsKeyStore(String tlsKeyStore) { this.tlsKeyStore = tlsKeyStore; }
    public String getTlsKeyStorePassword() { return tlsKeyStorePassword; }
    public void setTlsKeyStorePassword(String tlsKeyStorePassword) { this.tlsKeyStorePassword = tlsKeyStorePassword; }
    public String getTlsRequired() { return tlsRequired; }
    public void setTlsRequired(String tlsRequired) { this.tlsRequired = tlsRequired; }
    public String getTlsDataRequired() { return tlsDataRequired; }
    public void setTlsDataRequired(String tlsDataRequired) { this.tlsDataRequired = tlsDataRequired; }
    public String getMaxSessionsPerAddress() { return maxSessionsPerAddress; }
    public void setMaxSessionsPerAddress(String maxSessionsPerAddress) { this.maxSessionsPerAddress = maxSessionsPerAddress; }
    public String getAttributeChanges() { return attributeChanges; }
    public void setAttributeChanges(String attributeChanges) { this.attributeChanges = attributeChanges; }
    public String getShutdownGraceSeconds() { return shutdownGraceSeconds; }
    public void setShutdownGraceSeconds(String shutdownGraceSeconds) { this.shutdownGraceSeconds = shutdownGraceSeconds; }

    // Identity, not value equality: each activation is its own server.
    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
