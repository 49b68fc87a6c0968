package org.imagestore.ftp.inbound;

import java.util.List;
import java.util.logging.Logger;

import org.apache.ftpserver.ftplet.Authentication;
import org.apache.ftpserver.ftplet.AuthenticationFailedException;
import org.apache.ftpserver.ftplet.User;
import org.apache.ftpserver.ftplet.UserManager;
import org.apache.ftpserver.usermanager.UsernamePasswordAuthentication;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.WritePermission;
import org.imagestore.ftp.api.FtpRefusedException;

/**
 * Sources log in with the accounts the store keeps (hashed, managed through the admin API). This manager only
 * asks the store; it keeps no users itself and cannot change them.
 */
final class SourceUserManager implements UserManager {

    private static final Logger LOG = Logger.getLogger(SourceUserManager.class.getName());

    private final StoreGateway store;
    private final int idleTimeoutSeconds;
    private final LoginChecks checks;

    SourceUserManager(StoreGateway store, int idleTimeoutSeconds, LoginChecks checks) {
        this.store = store;
        this.idleTimeoutSeconds = idleTimeoutSeconds;
        this.checks = checks;
    }

    @Override
    public User authenticate(Authentication authentication) throws AuthenticationFailedException {
        if (!(authentication instanceof UsernamePasswordAuthentication login)) {
            throw new AuthenticationFailedException("only username and password logins are accepted");
        }
        String client = login.getUserMetadata() == null || login.getUserMetadata().getInetAddress() == null ? "?"
                : login.getUserMetadata().getInetAddress().getHostAddress();
        boolean accepted;
        try {
            accepted = login.getUsername() != null && login.getPassword() != null
                    && store.read(s -> s.authenticate(login.getUsername(), login.getPassword(), client));
        } catch (FtpRefusedException e) {
            LOG.warning(() -> "FTP login of '" + login.getUsername() + "' from " + client + " not checked: " + e.getMessage());
            checks.storeDidNotAnswer();
            throw new AuthenticationFailedException("the store cannot check logins right now");
        }
        if (!accepted) {
            LOG.info(() -> "FTP login refused for '" + login.getUsername() + "' from " + client);
            throw new AuthenticationFailedException("wrong user name or password");
        }
        BaseUser user = new BaseUser();
        user.setName(login.getUsername());
        user.setHomeDirectory("/");
        user.setEnabled(true);
        user.setMaxIdleTime(idleTimeoutSeconds);
        user.setAuthorities(List.of(new WritePermission()));
        return user;
    }

    @Override
    public User getUserByName(String name) {
        // null: no per-user login limits beyond the server's
        return null;
    }

    @Override
    public String[] getAllUserNames() {
        return new String[0];
    }

    @Override
    public void delete(String name) {
        throw new UnsupportedOperationException("sources are managed through the admin API");
    }

    @Override
    public void save(User user) {
        throw new UnsupportedOperationException("sources are managed through the admin API");
    }

    @Override
    public boolean doesExist(String name) {
        return false;
    }

    @Override
    public String getAdminName() {
        return "";
    }

    @Override
    public boolean isAdmin(String name) {
        return false;
    }
}
