// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.console;

import dev.openpeople.OpenPeopleServerExtension;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium per test class (register it after the class's server), from the Debian
 * packages {@code chromium} and {@code chromium-driver}: the driver binary is given, so Selenium
 * Manager never looks for (or downloads) one. After each test it saves a screenshot named after the
 * test to {@code target/console-screenshots/}.
 */
final class ConsoleBrowser implements BeforeAllCallback, AfterAllCallback, AfterEachCallback {
  static final String CHROMIUM = "/usr/bin/chromium";
  static final String CHROMEDRIVER = "/usr/bin/chromedriver";
  private static final Path SHOTS = Path.of("target", "console-screenshots");

  private final OpenPeopleServerExtension server;
  private ChromeDriver driver;
  private WebDriverWait wait;

  ConsoleBrowser(OpenPeopleServerExtension server) {
    this.server = server;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER))
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-background-networking",
        "--disable-dev-shm-usage",
        "--window-size=1280,900");
    driver = new ChromeDriver(service, options);
    wait = new WebDriverWait(driver, Duration.ofSeconds(10));
    // Views replace their tables when data arrives; a stale row just means "look again".
    wait.ignoring(StaleElementReferenceException.class);
  }

  ChromeDriver driver() {
    return driver;
  }

  /** Opens the console at {@code #hash} acting with {@code token} (an e-mail in emulator mode). */
  void open(String token, String hash) {
    driver.get(server.baseUrl() + "#" + hash);
    waitFor(By.cssSelector("body[data-ready='true']"));
    WebElement input = driver.findElement(By.id("token"));
    input.clear();
    input.sendKeys(token);
    driver.findElement(By.cssSelector("#identity button[type='submit']")).click();
  }

  /** Goes to another view through the navigation, as a user would. */
  void nav(String view) {
    click(By.cssSelector("nav a[data-view='" + view + "']"));
  }

  WebElement waitFor(By by) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  void waitText(By by, String text) {
    wait.until(ExpectedConditions.textToBePresentInElementLocated(by, text));
  }

  /** The flash message, once it contains {@code text}. */
  String flash(String text) {
    waitText(By.id("flash"), text);
    return driver.findElement(By.id("flash")).getText();
  }

  void click(By by) {
    wait.until(ExpectedConditions.elementToBeClickable(by)).click();
  }

  void type(By by, String text) {
    WebElement input = waitFor(by);
    input.clear();
    input.sendKeys(text);
  }

  void select(By by, String value) {
    new Select(waitFor(by)).selectByValue(value);
  }

  /** The rows of a table's body (waits for the table to be there). */
  List<WebElement> rows(String tableId) {
    waitFor(By.id(tableId));
    return driver.findElements(By.cssSelector("#" + tableId + " tbody tr"));
  }

  /** Waits until the table {@code tableId} has exactly {@code n} data rows. */
  void waitRows(String tableId, int n) {
    wait.until(d -> countRows(tableId) == n);
  }

  private int countRows(String tableId) {
    List<WebElement> rows = driver.findElements(By.cssSelector("#" + tableId + " tbody tr"));
    if (rows.size() == 1 && rows.get(0).getText().equals("Nothing here.")) {
      return 0;
    }
    return rows.size();
  }

  void screenshot(String name) {
    try {
      Files.createDirectories(SHOTS);
      File shot = driver.getScreenshotAs(OutputType.FILE);
      Files.copy(shot.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    screenshot(context.getRequiredTestMethod().getName());
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (driver != null) {
      driver.quit();
    }
  }
}
