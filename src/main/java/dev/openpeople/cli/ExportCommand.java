// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.cli;

import dev.openpeople.server.Emails;
import dev.openpeople.transfer.Format;
import ezvcard.VCardVersion;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code openpeople export --user EMAIL --format vcard|csv|json [--out FILE]}. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = "Export a user's contacts as vCard, Google Contacts CSV or People API JSON.")
public final class ExportCommand implements Callable<Integer> {
  @Option(names = "--user", required = true, description = "The user's e-mail address.")
  String user = "";

  @Option(names = "--format", defaultValue = "vcard", description = "vcard, csv or json.")
  String format = "vcard";

  @Option(
      names = "--vcard-version",
      defaultValue = "3.0",
      description = "vCard version: 3.0 or 4.0 (default ${DEFAULT-VALUE}).")
  String vcardVersion = "3.0";

  @Mixin LocalStore.OutputOptions output = new LocalStore.OutputOptions();

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    var err = spec.commandLine().getErr();
    if (!Emails.isValid(user)) {
      err.println("Not an e-mail address: " + user);
      return 2;
    }
    Format chosen = Format.named(format).orElse(null);
    VCardVersion version = VCardVersion.valueOfByStr(vcardVersion);
    if (chosen == null || (version != VCardVersion.V3_0 && version != VCardVersion.V4_0)) {
      err.println("--format must be vcard, csv or json and --vcard-version 3.0 or 4.0");
      return 2;
    }
    String email = Emails.normalize(user);
    return LocalStore.write(
        output,
        err,
        "exported %d contacts",
        (local, stream) -> local.exporter().run(email, chosen, version, stream));
  }
}
