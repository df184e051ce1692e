// SPDX-License-Identifier: Apache-2.0
package dev.openpeople;

import dev.openpeople.cli.AppPasswordCommand;
import dev.openpeople.cli.DumpCommand;
import dev.openpeople.cli.ExportCommand;
import dev.openpeople.cli.ImportCommand;
import dev.openpeople.cli.RestoreCommand;
import dev.openpeople.cli.ServeCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code openpeople} command line. */
@Command(
    name = "openpeople",
    mixinStandardHelpOptions = true,
    version = "OpenPeople 0.1.0",
    description = "Google People API v1 and Domain Shared Contacts API server.",
    subcommands = {
      ServeCommand.class,
      AppPasswordCommand.class,
      ImportCommand.class,
      ExportCommand.class,
      DumpCommand.class,
      RestoreCommand.class
    })
public final class Main {
  public static void main(String[] args) {
    int code = new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
    if (code != 0) {
      System.exit(code);
    }
  }
}
