// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import java.util.Objects;
import org.slf4j.LoggerFactory;

/** {@code --log-format}: plain text lines or one JSON object per line (for log shippers). */
public enum LogFormat {
  // Lower case: the constants are the flag's values.
  text("/logback.xml"),
  json("/logback-json.xml");

  private final String configuration;

  LogFormat(String configuration) {
    this.configuration = configuration;
  }

  /** Reconfigures Logback with this format's configuration file from the jar. */
  void apply() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    URL file = Objects.requireNonNull(LogFormat.class.getResource(configuration), configuration);
    context.reset();
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    try {
      configurator.doConfigure(file);
    } catch (JoranException e) {
      throw new IllegalStateException("bad logging configuration " + configuration, e);
    }
  }
}
