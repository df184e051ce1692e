// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TLS material from PEM files (RFC 7468): a certificate chain, read by the JDK's X.509 {@link
 * CertificateFactory}, and an unencrypted PKCS #8 private key ({@code BEGIN PRIVATE KEY}), turned
 * into an in-memory key store for Jetty.
 */
final class PemFiles {
  /** The password of the in-memory key store (it never reaches a disk). */
  static final String PASSWORD = "openpeople";

  private static final Pattern PKCS8 =
      Pattern.compile("-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");

  private PemFiles() {}

  static KeyStore keyStore(Path certificateChain, Path privateKey) {
    try {
      Certificate[] chain = certificates(certificateChain);
      PrivateKey key = privateKey(privateKey, chain[0].getPublicKey().getAlgorithm());
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("openpeople", key, PASSWORD.toCharArray(), chain);
      return store;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("unusable TLS certificate or key: " + e.getMessage(), e);
    }
  }

  private static Certificate[] certificates(Path file)
      throws IOException, GeneralSecurityException {
    try (InputStream in = Files.newInputStream(file)) {
      Certificate[] chain =
          CertificateFactory.getInstance("X.509")
              .generateCertificates(in)
              .toArray(Certificate[]::new);
      if (chain.length == 0) {
        throw new IllegalArgumentException("no PEM certificate in " + file);
      }
      return chain;
    }
  }

  private static PrivateKey privateKey(Path file, String algorithm)
      throws IOException, GeneralSecurityException {
    String pem = Files.readString(file, StandardCharsets.US_ASCII);
    Matcher m = PKCS8.matcher(pem);
    if (!m.find()) {
      throw new IllegalArgumentException(
          file
              + " holds no unencrypted PKCS #8 key (BEGIN PRIVATE KEY); convert one with"
              + " `openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pkcs8.pem`");
    }
    byte[] der = Base64.getMimeDecoder().decode(m.group(1));
    return KeyFactory.getInstance(algorithm)
        .generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(der));
  }
}
