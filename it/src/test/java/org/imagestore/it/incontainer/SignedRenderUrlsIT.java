package org.imagestore.it.incontainer;

import static org.imagestore.it.incontainer.Fixtures.stagedPhoto;
import static org.imagestore.it.incontainer.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.imagestore.delivery.RenderSignatures;
import org.imagestore.ingest.StoredUpload;
import org.imagestore.image.ImageId;
import org.imagestore.ingest.Ingest;
import org.imagestore.source.Source;
import org.imagestore.source.SourceAccounts;
import org.imagestore.source.SourceName;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Signed render URLs over HTTP. The test store's DAS has a signing key (config/asadmin/das.asadmin), and serves
 * the real web module, so the requests go to this very server.
 */
@ExtendWith(ArquillianExtension.class)
class SignedRenderUrlsIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.storeWithTests();
    }

    @Inject
    private Ingest ingest;
    @Inject
    private SourceAccounts accounts;
    @Inject
    private RenderSignatures signatures;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void renderUrlsNeedTheirOwnValidSignatureOriginalsNone() throws Exception {
        assertTrue(signatures.required(), "the DAS of the test store has a signing key");
        Source source = accounts.create(new SourceName(unique("signed")), "password-" + unique("p"));
        StoredUpload stored = ingest.store(source, stagedPhoto("/s.jpg", "canon-eos70d.jpg"));
        ImageId id = stored.image();
        String sig = signatures.sign(id, Map.of("w", List.of("64"), "fit", List.of("cover")));

        assertEquals(200, get(id, "").statusCode(), "an original needs no signature");
        HttpResponse<String> unsigned = get(id, "?w=64&fit=cover");
        assertEquals(403, unsigned.statusCode());
        assertTrue(unsigned.body().contains("\"parameter\":\"sig\""), unsigned.body());
        assertEquals(200, get(id, "?w=64&fit=cover&sig=" + encode(sig)).statusCode());
        assertEquals(200, get(id, "?sig=" + encode(sig) + "&fit=cover&w=64").statusCode(), "order does not matter");
        assertEquals(403, get(id, "?w=65&fit=cover&sig=" + encode(sig)).statusCode(), "signed for other parameters");
        assertEquals(403, get(id, "?w=64&fit=cover&sig=" + encode(sig.substring(1))).statusCode(), "tampered");
    }

    private HttpResponse<String> get(ImageId id, String query) throws Exception {
        // this node's own HTTP port (config/asadmin sets imagestore.http.port on every node and on the DAS)
        URI uri = URI.create("http://127.0.0.1:" + System.getProperty("imagestore.http.port") + id.urlPath() + query);
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
