// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.people.v1.PeopleService;
import com.google.api.services.people.v1.model.Name;
import com.google.api.services.people.v1.model.Person;
import dev.openpeople.OpenPeopleServer;
import dev.openpeople.OpenPeopleServerExtension;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * HTTPS from PEM files, with HTTP/2 negotiated by ALPN: a certificate the test makes with the JDK's
 * keytool, the official People client and java.net.http over TLS.
 */
class TlsClientTest {
  private static final Path DIR = newDirectory();
  private static final KeyStore.PrivateKeyEntry KEY = makeCertificate();

  @RegisterExtension
  static final OpenPeopleServerExtension SERVER =
      new OpenPeopleServerExtension(
          OpenPeopleServer.Options.builder("unused")
              .tls(
                  new JettyServer.Tls(
                      write("cert.pem", pem("CERTIFICATE", encoded(certificate()))),
                      write("key.pem", pem("PRIVATE KEY", KEY.getPrivateKey().getEncoded()))))
              .build());

  private static Path newDirectory() {
    try {
      return Files.createTempDirectory("openpeople-tls");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path write(String name, String content) {
    try {
      return Files.writeString(DIR.resolve(name), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] encoded(Certificate certificate) {
    try {
      return certificate.getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Certificate certificate() {
    return KEY.getCertificate();
  }

  /** A self-signed EC certificate for 127.0.0.1 and localhost, made by the JDK's keytool. */
  private static KeyStore.PrivateKeyEntry makeCertificate() {
    try {
      Path p12 = DIR.resolve("server.p12");
      Process keytool =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                  "-genkeypair",
                  "-alias",
                  "server",
                  "-keyalg",
                  "EC",
                  "-groupname",
                  "secp256r1",
                  "-dname",
                  "CN=localhost",
                  "-ext",
                  "san=ip:127.0.0.1,dns:localhost",
                  "-validity",
                  "2",
                  "-storetype",
                  "PKCS12",
                  "-keystore",
                  p12.toString(),
                  "-storepass",
                  "changeit")
              .redirectErrorStream(true)
              .start();
      String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
        throw new IllegalStateException("keytool failed: " + output);
      }
      KeyStore store = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(p12)) {
        store.load(in, "changeit".toCharArray());
      }
      return (KeyStore.PrivateKeyEntry)
          store.getEntry("server", new KeyStore.PasswordProtection("changeit".toCharArray()));
    } catch (IOException | GeneralSecurityException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  /** A TLS context that trusts exactly the test's certificate. */
  private static SSLContext trusting() throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("server", certificate());
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, tmf.getTrustManagers(), null);
    return context;
  }

  private static String url() {
    return SERVER.server().url("127.0.0.1");
  }

  @Test
  void httpsSpeaksHttp2WhenTheClientOffersIt() throws Exception {
    HttpClient http =
        HttpClient.newBuilder().sslContext(trusting()).version(HttpClient.Version.HTTP_2).build();

    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url() + "v1/people/me?personFields=names"))
                .header("Authorization", "Bearer tls@example.com")
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(url()).startsWith("https://");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
    assertThat(response.body()).contains("\"resourceName\"");
  }

  @Test
  void plainHttpToTheTlsPortIsRefused() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String plain = url().replaceFirst("^https:", "http:");

    assertThatThrownBy(
            () ->
                http.send(
                    HttpRequest.newBuilder(URI.create(plain + "healthz")).build(),
                    HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(IOException.class);
  }

  @Test
  void theOfficialClientWorksOverHttps() throws Exception {
    PeopleService people =
        new PeopleService.Builder(
                new NetHttpTransport.Builder()
                    .setSslSocketFactory(trusting().getSocketFactory())
                    .build(),
                GsonFactory.getDefaultInstance(),
                request -> request.getHeaders().setAuthorization("Bearer tls@example.com"))
            .setRootUrl(url())
            .setApplicationName("openpeople-tests")
            .build();

    Person created =
        people
            .people()
            .createContact(new Person().setNames(List.of(new Name().setGivenName("Tee"))))
            .execute();
    Person read = people.people().get(created.getResourceName()).setPersonFields("names").execute();

    assertThat(read.getNames().get(0).getGivenName()).isEqualTo("Tee");
  }
}
