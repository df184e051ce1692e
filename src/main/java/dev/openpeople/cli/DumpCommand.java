// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code openpeople dump [--out FILE]}: the whole server as a JSON Lines snapshot. */
@Command(
    name = "dump",
    mixinStandardHelpOptions = true,
    description =
        "Write a snapshot of the whole server (users, profiles, contacts, other contacts, groups,"
            + " shared contacts, photos) as JSON Lines; restore or serve --seed reads it back.")
public final class DumpCommand implements Callable<Integer> {
  @Mixin LocalStore.OutputOptions output = new LocalStore.OutputOptions();

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    return LocalStore.write(
        output,
        spec.commandLine().getErr(),
        "dumped %d records",
        (local, stream) -> local.snapshots().dump(stream));
  }
}
