// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.cli;

import picocli.CommandLine.Option;

/** The {@code --storage} option of every command that opens the database. */
public final class StorageOption {
  @Option(
      names = "--storage",
      defaultValue = "${env:OPENPEOPLE_STORAGE:-sqlite:./openpeople-data/openpeople.db}",
      description =
          "Storage URL: sqlite:PATH, sqlite::memory: or postgresql://HOST:PORT/DB?user=U"
              + " (default ${DEFAULT-VALUE}).")
  String url = "sqlite:./openpeople-data/openpeople.db";
}
