// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.junit;

import com.google.api.services.people.v1.PeopleService;
import com.google.gdata.client.contacts.ContactsService;
import dev.openpeople.OpenPeopleServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link OpenPeopleTest}. Register it directly to choose the storage
 * or to reach the emulator from a static field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final OpenPeopleExtension OPEN_PEOPLE =
 *     OpenPeopleExtension.builder().user("bob@example.com").seed("team.vcf").build();
 * }</pre>
 *
 * One server runs per test class (nested classes share their outer class's server) and stops after
 * the class; before each test it wipes the data and disarms faults (unless told not to), then
 * restores the snapshot and loads the seed files.
 */
public final class OpenPeopleExtension
    implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {
  static final String DEFAULT_USER = "alice@example.com";
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(OpenPeopleExtension.class);

  private final Settings registered;

  /** Used by {@link OpenPeopleTest}: the settings come from the annotation. */
  public OpenPeopleExtension() {
    this.registered = null;
  }

  private OpenPeopleExtension(Settings settings) {
    this.registered = settings;
  }

  /** Settings for a {@code @RegisterExtension} field. */
  public static Builder builder() {
    return new Builder();
  }

  private record Settings(
      String user,
      boolean resetBeforeEach,
      String snapshot,
      List<String> seeds,
      String storageUrl) {}

  /** Builds an extension with settings {@link OpenPeopleTest} cannot express. */
  public static final class Builder {
    private String user = DEFAULT_USER;
    private boolean resetBeforeEach = true;
    private List<String> seeds = List.of();
    private String snapshot = "";
    private String storageUrl = "sqlite::memory:";

    private Builder() {}

    /** The user the injected clients act for. */
    public Builder user(String email) {
      this.user = email;
      return this;
    }

    /** Whether data and faults are wiped before each test (default: yes). */
    public Builder resetBeforeEach(boolean reset) {
      this.resetBeforeEach = reset;
      return this;
    }

    /** Files loaded into the user's contacts before each test (see {@link OpenPeopleTest#seed}). */
    public Builder seed(String... paths) {
      this.seeds = List.of(paths);
      return this;
    }

    /** A snapshot restored before each test (see {@link OpenPeopleTest#snapshot}). */
    public Builder snapshot(String path) {
      this.snapshot = path;
      return this;
    }

    /**
     * The storage the server opens: {@code sqlite::memory:} (the default), {@code sqlite:FILE} or a
     * {@code postgresql://} URL, as {@code openpeople serve --storage} takes.
     */
    public Builder storage(String url) {
      this.storageUrl = url;
      return this;
    }

    public OpenPeopleExtension build() {
      return new OpenPeopleExtension(
          new Settings(user, resetBeforeEach, snapshot, seeds, storageUrl));
    }
  }

  /** The running emulator of the current test class; available from {@code @BeforeAll} on. */
  public OpenPeopleEmulator emulator() {
    if (lastStarted == null) {
      throw new IllegalStateException("The OpenPeople emulator starts before the test class runs");
    }
    return lastStarted.emulator;
  }

  private Running lastStarted;

  @Override
  public void beforeAll(ExtensionContext context) {
    lastStarted = running(context);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    Settings settings = settings(context);
    OpenPeopleEmulator emulator = running(context).emulator;
    if (settings.resetBeforeEach()) {
      emulator.reset();
      emulator.clearFaults();
    }
    Class<?> testClass = context.getRequiredTestClass();
    if (!settings.snapshot().isEmpty()) {
      emulator.restoreSnapshot(fileName(settings.snapshot()), read(testClass, settings.snapshot()));
    }
    for (String seed : settings.seeds()) {
      emulator.importContacts(settings.user(), fileName(seed), read(testClass, seed));
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == OpenPeopleEmulator.class
        || type == PeopleService.class
        || type == ContactsService.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    OpenPeopleEmulator emulator = running(context).emulator;
    Class<?> type = parameter.getParameter().getType();
    String user =
        parameter.findAnnotation(User.class).map(User::value).orElse(settings(context).user());
    if (type == OpenPeopleEmulator.class) {
      return emulator;
    }
    if (type == PeopleService.class) {
      return emulator.people(user);
    }
    if (type == ContactsService.class) {
      return emulator.contacts(user);
    }
    throw new ParameterResolutionException("OpenPeople cannot supply a " + type.getName());
  }

  private Settings settings(ExtensionContext context) {
    if (registered != null) {
      return registered;
    }
    Class<?> type = context.getRequiredTestClass();
    for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
      Optional<OpenPeopleTest> annotation =
          AnnotationSupport.findAnnotation(c, OpenPeopleTest.class);
      if (annotation.isPresent()) {
        OpenPeopleTest a = annotation.get();
        return new Settings(
            a.user(), a.resetBeforeEach(), a.snapshot(), List.of(a.seed()), "sqlite::memory:");
      }
    }
    throw new ExtensionConfigurationException(
        type.getName() + " uses OpenPeopleExtension without @OpenPeopleTest or @RegisterExtension");
  }

  private Running running(ExtensionContext context) {
    Settings settings = settings(context);
    return context
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(Running.class, key -> Running.start(settings), Running.class);
  }

  private static byte[] read(Class<?> testClass, String seed) {
    String resource = seed.startsWith("/") ? seed : "/" + seed;
    try (InputStream in = testClass.getResourceAsStream(resource)) {
      if (in != null) {
        return in.readAllBytes();
      }
      return Files.readAllBytes(Path.of(seed));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the seed file " + seed, e);
    }
  }

  private static String fileName(String seed) {
    return seed.substring(seed.lastIndexOf('/') + 1);
  }

  /** The server of one test class; JUnit closes it when the class's context closes. */
  private static final class Running implements ExtensionContext.Store.CloseableResource {
    private final OpenPeopleServer server;
    private final OpenPeopleEmulator emulator;

    private Running(OpenPeopleServer server, String user) {
      this.server = server;
      this.emulator =
          new OpenPeopleEmulator("http://127.0.0.1:" + server.port() + "/", user, server);
    }

    static Running start(Settings settings) {
      try {
        return new Running(
            OpenPeopleServer.start(
                OpenPeopleServer.Options.emulatorDefaults(settings.storageUrl())),
            settings.user());
      } catch (Exception e) {
        throw new ExtensionConfigurationException("The OpenPeople emulator did not start", e);
      }
    }

    @Override
    public void close() {
      server.close();
    }
  }
}
