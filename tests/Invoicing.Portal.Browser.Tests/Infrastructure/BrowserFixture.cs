using Microsoft.Playwright;

namespace Invoicing.Portal.Browser.Tests;

/// <summary>
/// One headless chromium for every test of the collection: Debian's browser (installed by <c>./build.sh test</c>),
/// never a downloaded one. A missing browser fails the tests with the path that was tried.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>The variable that points at another chromium executable.</summary>
    public const string ExecutableVariable = "INVOICING_TEST_CHROMIUM";

    private const string DefaultExecutable = "/usr/bin/chromium";
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser is not started.");

    public static string ExecutablePath => Environment.GetEnvironmentVariable(ExecutableVariable) is { Length: > 0 } path ? path : DefaultExecutable;

    public async Task InitializeAsync()
    {
        var executable = ExecutablePath;
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException(
                $"No chromium at {executable}. Install Debian's chromium (eng/install-test-deps.sh does) or set {ExecutableVariable} to its path.");
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
        });
    }

    /// <summary>A fresh context (own cookies and storage) with downloads allowed, in the given language.</summary>
    public Task<IBrowserContext> NewContextAsync(string locale = "en-GB") =>
        Browser.NewContextAsync(new BrowserNewContextOptions { AcceptDownloads = true, Locale = locale });

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}

/// <summary>The tests that share the browser.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
