using Microsoft.Playwright;
using NspPortal.Data.Security;
using NspPortal.TestSupport;

namespace NspPortal.E2E.Tests;

/// <summary>One Chromium and one seeded portal for a test class. Chromium is Debian's (no download is possible
/// here); when it is missing the tests fail with the command that installs it — they are never skipped.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    public PortalFactory Portal { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var chromium = Environment.GetEnvironmentVariable("NSPPORTAL_CHROMIUM") ?? "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException($"Chromium not found at {chromium}. Install it with 'apt-get install -y chromium' (./test.sh does).");
        }

        Portal = await PortalFactory.CreateAsync();
        BaseAddress = Portal.StartKestrel();
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"],
        });
    }

    /// <summary>A fresh page (own context: cookies, storage) that records console errors and failed requests, signed in
    /// through the real sign-in form as a user holding <paramref name="role"/> at <paramref name="scope"/> (default: the
    /// Owner at <c>/</c>). <c>role: null</c> gives an anonymous page (see <see cref="NewAnonymousPageAsync"/>).</summary>
    public async Task<PortalPage> NewPageAsync(string colorScheme = "light", NspRole? role = NspRole.Owner, NspScope? scope = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1400, Height = 900 },
            ColorScheme = colorScheme == "dark" ? ColorScheme.Dark : ColorScheme.Light,
        });
        var page = new PortalPage(await context.NewPageAsync());
        if (role is { } r)
        {
            await SignInAsync(page.Page, await Portal.EnsureUserAsync(r, scope ?? NspScope.Root));
        }

        return page;
    }

    /// <summary>A fresh page with nobody signed in.</summary>
    public Task<PortalPage> NewAnonymousPageAsync(string colorScheme = "light") => NewPageAsync(colorScheme, role: null);

    /// <summary>Signs in through the sign-in form, as a person would, and waits until the portal has let them in.</summary>
    public static async Task SignInAsync(IPage page, string email, string password = PortalFactory.Password)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/signin");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/signin", StringComparison.Ordinal));
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (Portal is not null)
        {
            await Portal.DisposeAsync();
        }
    }
}

/// <summary>A Playwright page plus what went wrong in it (console errors, failed requests), and screenshots.</summary>
public sealed class PortalPage
{
    private readonly List<string> problems = [];

    public PortalPage(IPage page)
    {
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                problems.Add($"console: {message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => problems.Add($"page error: {error}");
        page.RequestFailed += (_, request) => problems.Add($"request failed: {request.Url} {request.Failure}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 500)
            {
                problems.Add($"HTTP {response.Status}: {response.Url}");
            }
        };
    }

    /// <summary>Fails the test if the browser logged an error or a request failed, except console errors for answers
    /// with a status in <paramref name="allowStatus"/> (a refused sign-in is a 400 the browser reports; an edit conflict a 409).</summary>
    public void AssertNoProblems(int[] allowStatus)
    {
        ArgumentNullException.ThrowIfNull(allowStatus);
        var remaining = problems.Where(p => !allowStatus.Any(s => p.Contains($"status of {s}", StringComparison.Ordinal))).ToList();
        Assert.True(remaining.Count == 0, string.Join('\n', remaining));
    }

    public IPage Page { get; }

    /// <summary>Fails the test if the browser logged an error or a request failed.</summary>
    public void AssertNoProblems() => Assert.True(problems.Count == 0, string.Join('\n', problems));

    /// <summary>Saves a full-page screenshot to TestResults/screenshots/{name}.png and returns its path.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        var suffix = TestDatabase.Provider == NspPortal.Data.DatabaseProvider.Postgres ? "-postgres" : "";
        var path = Path.Combine(RepositoryPaths.TestResults("screenshots"), $"{name}{suffix}.png");
        await Page.WaitForFunctionAsync("() => document.getAnimations().every(a => a.playState !== 'running')"); // e.g. a pane sliding in
        // Caret = Initial: hiding the caret makes Playwright set an inline style on the focused input, which the
        // Content-Security-Policy refuses (a console error that would fail AssertNoProblems).
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true, Caret = ScreenshotCaret.Initial });
        return path;
    }
}
